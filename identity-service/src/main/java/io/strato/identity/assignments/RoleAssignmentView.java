package io.strato.identity.assignments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import io.strato.identity.domains.Domain;
import io.strato.identity.groups.Group;
import io.strato.identity.projects.Project;
import io.strato.identity.roles.Role;
import io.strato.identity.users.User;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keystone's JSON for a role assignment:
 * {@code {"role": {"id"}, "user": {"id"} | "group": {"id"}, "scope": {"project": {"id"}} | {"domain": {"id"}} |
 * {"system": {"all": true}}, "links": {"assignment", "membership"?, "prior_role"?}}}; with include_names the
 * user, group, role, project and domain carry "name" and (but for a domain) their "domain".
 */
@Schema(name = "RoleAssignment")
public record RoleAssignmentView(Ref role, @JsonInclude(Include.NON_NULL) Ref user,
                                 @JsonInclude(Include.NON_NULL) Ref group, Scope scope, AssignmentLinks links) {

    @Schema(name = "RoleAssignmentList")
    public record Many(@JsonProperty("role_assignments") List<RoleAssignmentView> roleAssignments,
                       Map<String, String> links) {
    }

    /** A role, user, group, project or domain: its id, and with include_names its name and (but for a domain) domain. */
    @Schema(name = "RoleAssignmentRef")
    @JsonInclude(Include.NON_NULL)
    public record Ref(String id, String name, Ref domain) {
        static Ref id(String id) {
            return new Ref(id, null, null);
        }
    }

    /**
     * Exactly one of project, domain or system; an inherited assignment listed as stored says
     * {@code "OS-INHERIT:inherited_to": "projects"} beside its domain or project.
     */
    @Schema(name = "RoleAssignmentScope")
    @JsonInclude(Include.NON_NULL)
    public record Scope(Ref project, Ref domain, SystemScope system,
                        @JsonProperty("OS-INHERIT:inherited_to") String inheritedTo) {
        Scope(Ref project, Ref domain, SystemScope system) {
            this(project, domain, system, null);
        }
    }

    @Schema(name = "RoleAssignmentSystem")
    public record SystemScope(boolean all) {
    }

    @Schema(name = "RoleAssignmentLinks")
    @JsonInclude(Include.NON_NULL)
    public record AssignmentLinks(String assignment, String membership, String priorRole) {
    }

    public static RoleAssignmentView of(AssignmentEntry e, AssignmentNames names, Links links) {
        Assignment a = e.source();
        Ref user = null;
        Ref group = null;
        if (e.userId() != null) {
            user = member(e.userId(), names == null ? null : names.users().get(e.userId()), names);
        } else {
            group = member(e.groupId(), names == null ? null : names.groups().get(e.groupId()), names);
        }
        AssignmentLinks l = new AssignmentLinks(
                links.url(GrantPath.of(a).rolePath(a.roleId)),
                e.membershipGroupId() == null ? null
                        : links.url("groups/" + e.membershipGroupId() + "/users/" + e.userId()),
                e.priorRoleId() == null ? null : links.url("roles/" + e.priorRoleId()));
        Scope scope;
        if (e.projectId() != null) {
            scope = project(e.projectId(), names);
        } else {
            scope = scope(a, names);
            if (a.inherited) {
                scope = new Scope(scope.project(), scope.domain(), scope.system(), "projects");
            }
        }
        return new RoleAssignmentView(role(e.roleId(), names), user, group, scope, l);
    }

    private static Ref role(String id, AssignmentNames names) {
        Role r = names == null ? null : names.roles().get(id);
        if (r == null) {
            return Ref.id(id);
        }
        return new Ref(id, r.name, r.domainId == null ? null : domain(r.domainId, names));
    }

    /** A user or a group: both are named and belong to a domain. */
    private static Ref member(String id, Object entity, AssignmentNames names) {
        if (entity instanceof User u) {
            return new Ref(id, u.name, domain(u.domainId, names));
        } else if (entity instanceof Group g) {
            return new Ref(id, g.name, domain(g.domainId, names));
        }
        return Ref.id(id);
    }

    private static Scope scope(Assignment a, AssignmentNames names) {
        if (Assignment.SYSTEM.equals(a.targetType)) {
            return new Scope(null, null, new SystemScope(true));
        } else if (Assignment.DOMAIN.equals(a.targetType)) {
            return new Scope(null, names == null ? Ref.id(a.targetId) : domain(a.targetId, names), null);
        }
        return project(a.targetId, names);
    }

    private static Scope project(String id, AssignmentNames names) {
        Project p = names == null ? null : names.projects().get(id);
        return new Scope(p == null ? Ref.id(id) : new Ref(id, p.name, domain(p.domainId, names)), null, null);
    }

    private static Ref domain(String id, AssignmentNames names) {
        Domain d = names.domains().get(id);
        return new Ref(id, d == null ? null : d.name, null);
    }
}
