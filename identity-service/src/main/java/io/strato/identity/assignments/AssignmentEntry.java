package io.strato.identity.assignments;

/**
 * One line of a role assignment listing.
 *
 * @param source            the stored assignment it comes from (its link is the "assignment" link)
 * @param roleId            the role shown (an implied role in effective mode)
 * @param userId            the user, for user assignments and every effective line
 * @param groupId           the group, for group assignments outside effective mode
 * @param membershipGroupId in effective mode, the group through which the user holds the role
 * @param priorRoleId       in effective mode, the role that implies {@code roleId}
 * @param projectId         in effective mode, the project an inherited assignment reaches (its scope); else null
 */
public record AssignmentEntry(Assignment source, String roleId, String userId, String groupId,
                              String membershipGroupId, String priorRoleId, String projectId) {

    public AssignmentEntry(Assignment source, String roleId, String userId, String groupId, String membershipGroupId,
                           String priorRoleId) {
        this(source, roleId, userId, groupId, membershipGroupId, priorRoleId, null);
    }

    static AssignmentEntry direct(Assignment a) {
        boolean user = Assignment.USER.equals(a.actorType);
        return new AssignmentEntry(a, a.roleId, user ? a.actorId : null, user ? null : a.actorId, null, null);
    }

    AssignmentEntry implying(String prior, String implied) {
        return new AssignmentEntry(source, implied, userId, groupId, membershipGroupId, prior, projectId);
    }

    AssignmentEntry onProject(String project) {
        return new AssignmentEntry(source, roleId, userId, groupId, membershipGroupId, priorRoleId, project);
    }
}
