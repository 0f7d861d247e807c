package io.strato.identity.assignments;

import io.strato.identity.api.Validate;
import io.strato.kit.faults.InvalidInput;

/**
 * The query of GET /v3/role_assignments, checked as Keystone checks it.
 *
 * @param scopeType   project, domain or system, or null for every scope
 * @param scopeId     the project or domain id, {@code all} for the system, or null
 * @param effective   expand group assignments to their members and add implied roles
 * @param includeNames add names (and domains) of the user, group, role and scope
 */
public record AssignmentFilter(String userId, String groupId, String roleId, String scopeType, String scopeId,
                               boolean effective, boolean includeNames) {

    public static AssignmentFilter parse(String userId, String groupId, String roleId, String projectId,
                                         String domainId, String system, String effective, String includeNames) {
        String user = blankToNull(userId);
        String group = blankToNull(groupId);
        String project = blankToNull(projectId);
        String domain = blankToNull(domainId);
        String sys = blankToNull(system);
        boolean eff = flag(effective, "effective");
        if (user != null && group != null) {
            throw new InvalidInput("Specify a user or group, not both.");
        }
        int scopes = (project != null ? 1 : 0) + (domain != null ? 1 : 0) + (sys != null ? 1 : 0);
        if (scopes > 1) {
            throw new InvalidInput("Specify one of domain, project or system, not more.");
        }
        if (sys != null && !Assignment.SYSTEM_ALL.equals(sys)) {
            throw new InvalidInput("Invalid value for filter 'scope.system': only 'all' is supported.");
        }
        if (eff && group != null) {
            throw new InvalidInput("Combining effective and group filter will always result in an empty list.");
        }
        String scopeType = project != null ? Assignment.PROJECT : domain != null ? Assignment.DOMAIN
                : sys != null ? Assignment.SYSTEM : null;
        String scopeId = project != null ? project : domain != null ? domain : sys;
        return new AssignmentFilter(user, group, blankToNull(roleId), scopeType, scopeId, eff,
                flag(includeNames, "include_names"));
    }

    /**
     * A flag's value, "" when the query names it without a value ({@code ?effective}, as Keystone's
     * api-ref writes it), which the JAX-RS query parameter does not report.
     */
    public static String bareFlag(String value, String name, String rawQuery) {
        if (value != null || rawQuery == null) {
            return value;
        }
        for (String part : rawQuery.split("&")) {
            if (part.equals(name) || part.equals(name + "=")) {
                return "";
            }
        }
        return null;
    }

    /** A flag filter: absent is false, present without a value ({@code ?effective}) is true. */
    static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        if (value.isBlank()) {
            return true;
        }
        return Validate.queryBoolean(value, name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
