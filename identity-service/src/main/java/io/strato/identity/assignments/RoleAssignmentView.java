package io.strato.identity.assignments;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import io.strato.identity.domains.Domain;
import io.strato.identity.groups.Group;
import io.strato.identity.projects.Project;
import io.strato.identity.roles.Role;
import io.strato.identity.users.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keystone's JSON for a role assignment:
 * {@code {"role": {"id"}, "user": {"id"} | "group": {"id"}, "scope": {"project": {"id"}} | {"domain": {"id"}} |
 * {"system": {"all": true}}, "links": {"assignment", "membership"?, "prior_role"?}}}; with include_names the
 * user, group, role, project and domain carry "name" and (but for a domain) their "domain".
 */
public final class RoleAssignmentView {
    private RoleAssignmentView() {
    }

    public record Many(@JsonProperty("role_assignments") List<Map<String, Object>> roleAssignments,
                       Map<String, String> links) {
    }

    public static Map<String, Object> of(AssignmentEntry e, AssignmentNames names, Links links) {
        Assignment a = e.source();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", role(e.roleId(), names));
        if (e.userId() != null) {
            out.put("user", member(e.userId(), names == null ? null : names.users().get(e.userId()), names));
        } else {
            out.put("group", member(e.groupId(), names == null ? null : names.groups().get(e.groupId()), names));
        }
        out.put("scope", scope(a, names));
        Map<String, String> l = new LinkedHashMap<>();
        l.put("assignment", links.url(new GrantPath(a.actorType, a.actorId, a.targetType, a.targetId).rolesPath()
                + "/" + a.roleId));
        if (e.membershipGroupId() != null) {
            l.put("membership", links.url("groups/" + e.membershipGroupId() + "/users/" + e.userId()));
        }
        if (e.priorRoleId() != null) {
            l.put("prior_role", links.url("roles/" + e.priorRoleId()));
        }
        out.put("links", l);
        return out;
    }

    private static Map<String, Object> role(String id, AssignmentNames names) {
        Map<String, Object> m = idMap(id);
        Role r = names == null ? null : names.roles().get(id);
        if (r != null) {
            m.put("name", r.name);
            if (r.domainId != null) {
                m.put("domain", domain(r.domainId, names));
            }
        }
        return m;
    }

    /** A user or a group: both are named and belong to a domain. */
    private static Map<String, Object> member(String id, Object entity, AssignmentNames names) {
        Map<String, Object> m = idMap(id);
        if (entity instanceof User u) {
            m.put("name", u.name);
            m.put("domain", domain(u.domainId, names));
        } else if (entity instanceof Group g) {
            m.put("name", g.name);
            m.put("domain", domain(g.domainId, names));
        }
        return m;
    }

    private static Map<String, Object> scope(Assignment a, AssignmentNames names) {
        Map<String, Object> target;
        if (Assignment.SYSTEM.equals(a.targetType)) {
            target = Map.of("all", true);
        } else if (Assignment.DOMAIN.equals(a.targetType)) {
            target = names == null ? idMap(a.targetId) : domain(a.targetId, names);
        } else {
            target = idMap(a.targetId);
            Project p = names == null ? null : names.projects().get(a.targetId);
            if (p != null) {
                target.put("name", p.name);
                target.put("domain", domain(p.domainId, names));
            }
        }
        return Map.of(a.targetType, target);
    }

    private static Map<String, Object> domain(String id, AssignmentNames names) {
        Map<String, Object> m = idMap(id);
        Domain d = names.domains().get(id);
        if (d != null) {
            m.put("name", d.name);
        }
        return m;
    }

    private static Map<String, Object> idMap(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        return m;
    }
}
