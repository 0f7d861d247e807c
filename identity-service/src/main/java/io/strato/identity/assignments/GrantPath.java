package io.strato.identity.assignments;

/**
 * Who receives roles on what, as a grant URL names it: /v3/{targetType}s/{targetId}/{actorType}s/{actorId}/roles,
 * or for a grant inherited by the projects below the target (OS-INHERIT)
 * /v3/OS-INHERIT/{targetType}s/{targetId}/{actorType}s/{actorId}/roles/{role}/inherited_to_projects.
 * The system target's id is {@code all}.
 */
public record GrantPath(String actorType, String actorId, String targetType, String targetId, boolean inherited) {

    public GrantPath(String actorType, String actorId, String targetType, String targetId) {
        this(actorType, actorId, targetType, targetId, false);
    }

    public static GrantPath of(Assignment a) {
        return new GrantPath(a.actorType, a.actorId, a.targetType, a.targetId, a.inherited);
    }

    /** The URL path (below /v3/) of this grant's role collection. */
    public String rolesPath() {
        String target = Assignment.SYSTEM.equals(targetType) ? "system" : targetType + "s/" + targetId;
        String roles = target + "/" + actorType + "s/" + actorId + "/roles";
        return inherited ? "OS-INHERIT/" + roles + "/inherited_to_projects" : roles;
    }

    /** The URL path (below /v3/) of one role's grant. */
    public String rolePath(String roleId) {
        String target = Assignment.SYSTEM.equals(targetType) ? "system" : targetType + "s/" + targetId;
        String role = target + "/" + actorType + "s/" + actorId + "/roles/" + roleId;
        return inherited ? "OS-INHERIT/" + role + "/inherited_to_projects" : role;
    }

    public boolean isUser() {
        return Assignment.USER.equals(actorType);
    }
}
