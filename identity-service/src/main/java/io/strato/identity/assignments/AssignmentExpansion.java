package io.strato.identity.assignments;

import io.strato.identity.roles.RoleGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns stored assignments into Keystone's effective view: a group's assignment becomes one line per
 * member (with the membership recorded), and every line is followed by the roles its role implies.
 * Pure: the caller supplies memberships and the implied-role graph.
 */
public final class AssignmentExpansion {
    private AssignmentExpansion() {
    }

    /**
     * @param stored        assignments matching the scope (and, for a user filter, of the user and the user's groups)
     * @param membersOf     group id → member user ids, for every group in {@code stored}
     * @param onlyUser      when filtering by user: group lines expand to this user only
     * @param graph         the implied-role rules
     * @param roleFilter    keep only lines showing this role (applied after implication), or null
     */
    public static List<AssignmentEntry> effective(List<Assignment> stored, Map<String, List<String>> membersOf,
                                                  String onlyUser, RoleGraph graph, String roleFilter) {
        return effective(stored, membersOf, Map.of(), onlyUser, graph, roleFilter);
    }

    /**
     * As above, with inherited assignments (OS-INHERIT) among {@code stored}: each becomes a line on every
     * project {@code inheritedTo} lists for it (none when it lists none), never on its own target.
     */
    public static List<AssignmentEntry> effective(List<Assignment> stored, Map<String, List<String>> membersOf,
                                                  Map<Long, List<String>> inheritedTo, String onlyUser,
                                                  RoleGraph graph, String roleFilter) {
        List<AssignmentEntry> out = new ArrayList<>();
        for (Assignment a : stored) {
            List<String> places = a.inherited ? inheritedTo.getOrDefault(a.id, List.of())
                    : java.util.Collections.singletonList(null);
            for (String project : places) {
                expand(out, a, project, membersOf, onlyUser, graph, roleFilter);
            }
        }
        return out;
    }

    private static void expand(List<AssignmentEntry> out, Assignment a, String project,
                               Map<String, List<String>> membersOf, String onlyUser, RoleGraph graph,
                               String roleFilter) {
        for (AssignmentEntry line : perUser(a, membersOf, onlyUser)) {
            AssignmentEntry base = line.onProject(project);
            // a domain-specific role is never held itself, only what it implies (Keystone's effective view)
            if (!graph.isDomainSpecific(a.roleId)) {
                keep(out, base, roleFilter);
            }
            for (RoleGraph.Implication i : graph.implicationsOf(a.roleId)) {
                if (!graph.isDomainSpecific(i.implied())) {
                    keep(out, base.implying(i.prior(), i.implied()), roleFilter);
                }
            }
        }
    }

    private static List<AssignmentEntry> perUser(Assignment a, Map<String, List<String>> membersOf, String onlyUser) {
        if (Assignment.USER.equals(a.actorType)) {
            return onlyUser == null || onlyUser.equals(a.actorId) ? List.of(AssignmentEntry.direct(a)) : List.of();
        }
        List<AssignmentEntry> lines = new ArrayList<>();
        for (String member : membersOf.getOrDefault(a.actorId, List.of())) {
            if (onlyUser == null || onlyUser.equals(member)) {
                lines.add(new AssignmentEntry(a, a.roleId, member, null, a.actorId, null));
            }
        }
        return lines;
    }

    private static void keep(List<AssignmentEntry> out, AssignmentEntry e, String roleFilter) {
        if (roleFilter == null || roleFilter.equals(e.roleId())) {
            out.add(e);
        }
    }
}
