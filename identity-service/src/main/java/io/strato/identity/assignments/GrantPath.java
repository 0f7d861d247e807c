package io.strato.identity.assignments;

/**
 * Who receives roles on what, as a grant URL names it: /v3/{targetType}s/{targetId}/{actorType}s/{actorId}/roles.
 * The system target's id is {@code all}.
 */
public record GrantPath(String actorType, String actorId, String targetType, String targetId) {

    /** The URL path (below /v3/) of this grant's role collection. */
    public String rolesPath() {
        String target = Assignment.SYSTEM.equals(targetType) ? "system" : targetType + "s/" + targetId;
        return target + "/" + actorType + "s/" + actorId + "/roles";
    }

    public boolean isUser() {
        return Assignment.USER.equals(actorType);
    }
}
