package io.strato.network.secgroups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.policy.NetworkPolicies;
import io.strato.network.quotas.NetworkQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Security groups: who sees them (their project, and admins), the project's {@code default} group made
 * on first use, quota, and the rules Neutron guards: the default group keeps its name and only an admin
 * deletes it; a group a port uses cannot be deleted (nor change statefulness).
 */
@ApplicationScoped
public class SecurityGroupService {
    static final ListSql GROUPS = new ListSql("security_group", Map.of("id", "id", "name", "name",
            "description", "description", "project_id", "project_id", "stateful", "stateful", "tags", "tags",
            "created_at", "created_at", "updated_at", "updated_at", "revision_number", "revision_number"));

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final DefaultGroups defaults;
    private final NetworkQuotas quota;
    private final NetworkEvents events;
    private final Policy policy;
    private final Lists lists;

    public SecurityGroupService(SecurityGroupRepository groups, SecurityGroupRuleRepository rules, DefaultGroups defaults,
                                NetworkQuotas quota, NetworkEvents events, Policy policy, Lists lists) {
        this.groups = groups;
        this.rules = rules;
        this.defaults = defaults;
        this.quota = quota;
        this.events = events;
        this.policy = policy;
        this.lists = lists;
    }

    /** The groups the caller sees, with their rules; the caller's project gets its default group first. */
    @WithTransaction
    public Uni<List<SecurityGroupView>> list(Caller caller, ListRequest request) {
        boolean admin = NetworkPolicies.isAdmin(policy, caller);
        if (!admin) {
            policy.enforce(SecurityGroupPolicies.GET, caller, NetworkPolicies.target(caller.projectId()));
        }
        List<String> projectFilter = request.filters().getOrDefault("project_id", List.of());
        String ensureFor = admin && !projectFilter.isEmpty() ? projectFilter.get(0) : caller.projectId();
        if (sharedOnly(request)) {
            return ensure(ensureFor).replaceWith(List.of());
        }
        ListSql.Query query = admin ? GROUPS.select(request, null, Map.of())
                : GROUPS.select(request, "project_id = :scope_project", Map.of("scope_project", caller.projectId()));
        return ensure(ensureFor).chain(() -> lists.fetch(SecurityGroup.class, query)).flatMap(this::views);
    }

    @WithTransaction
    public Uni<SecurityGroupView> show(Caller caller, String id) {
        return ensure(caller.projectId()).chain(() -> visible(caller, id, false)).flatMap(g -> {
            policy.enforce(SecurityGroupPolicies.GET, caller, NetworkPolicies.target(g.projectId));
            return view(g);
        });
    }

    /** A new group with Neutron's default egress rules (IPv4 and IPv6 to anywhere). */
    @WithTransaction
    public Uni<SecurityGroupView> create(Caller caller, GroupRequest request) {
        String project = request.projectId() != null ? request.projectId() : caller.projectId();
        if (project == null) {
            throw Neutron.badRequest("HTTPBadRequest", "Failed to parse request. Required attribute 'project_id' not specified");
        }
        policy.enforce(SecurityGroupPolicies.CREATE, caller, NetworkPolicies.target(project));
        SecurityGroup g = new SecurityGroup();
        g.id = UUID.randomUUID();
        g.projectId = project;
        g.name = request.name().orElse("");
        g.description = request.description().orElse("");
        g.stateful = request.stateful().orElse(true);
        g.tags = new ArrayList<>(request.tags().orElse(List.of()));
        g.createdAt = StandardAttributes.now();
        g.updatedAt = g.createdAt;
        List<SecurityGroupRule> egress = List.of(egress(g, Ethertypes.IPV4), egress(g, Ethertypes.IPV6));
        return defaults.ensure(project)
                .chain(() -> quota.claim(project, "security_group", 1))
                .chain(() -> quota.claim(project, "security_group_rule", egress.size()))
                .chain(() -> groups.persist(g))
                .chain(() -> rules.persist(egress))
                .map(v -> SecurityGroupView.of(g, egress))
                .call(view -> events.publish("security_group", "created", g.id, view));
    }

    @WithTransaction
    public Uni<SecurityGroupView> update(Caller caller, String id, GroupRequest request) {
        return visible(caller, id, true).flatMap(g -> {
            policy.enforce(SecurityGroupPolicies.UPDATE, caller, NetworkPolicies.target(g.projectId));
            boolean statefulChange = request.stateful().isPresent() && request.stateful().get() != g.stateful;
            return (statefulChange ? refuseInUse(g) : Uni.createFrom().voidItem()).chain(() -> {
                if (g.isDefault && request.name().isPresent()) {
                    throw Neutron.conflict("SecurityGroupCannotUpdateDefault", "Updating default security group not allowed.");
                }
                request.name().ifPresent(n -> g.name = n);
                request.description().ifPresent(d -> g.description = d);
                request.stateful().ifPresent(s -> g.stateful = s);
                g.revisionNumber++;
                g.updatedAt = StandardAttributes.now();
                return view(g);
            }).call(view -> events.publish("security_group", "updated", g.id, view));
        });
    }

    /** Deletes the group, its rules and the rules of other groups that name it as their remote group. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        boolean admin = NetworkPolicies.isAdmin(policy, caller);
        return visible(caller, id, true).flatMap(g -> {
            policy.enforce(SecurityGroupPolicies.DELETE, caller, NetworkPolicies.target(g.projectId));
            return refuseInUse(g).chain(() -> {
                if (g.isDefault && !admin) {
                    throw Neutron.conflict("SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");
                }
                return view(g);
            }).call(view -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "DELETE FROM security_group_rule WHERE remote_group_id = :g OR security_group_id = :g")
                    .setParameter("g", g.id).executeUpdate()))
                    .call(view -> groups.delete("id", g.id))
                    .call(view -> events.publish("security_group", "deleted", g.id, view))
                    .replaceWithVoid();
        });
    }

    /**
     * The group if the caller may see it (its project's, or any for an admin), locked for the rest of the
     * transaction when {@code lock}; SecurityGroupNotFound otherwise, so that others' groups stay unknown.
     */
    Uni<SecurityGroup> visible(Caller caller, String id, boolean lock) {
        UUID uuid = Ids.orNull(id);
        if (uuid == null) {
            return Uni.createFrom().failure(notFound(id));
        }
        Uni<SecurityGroup> found = lock ? groups.findById(uuid, LockModeType.PESSIMISTIC_WRITE) : groups.findById(uuid);
        return found.map(g -> {
            if (g == null || !(g.projectId.equals(caller.projectId()) || NetworkPolicies.isAdmin(policy, caller))) {
                throw notFound(id);
            }
            return g;
        });
    }

    static RuntimeException notFound(Object id) {
        return Neutron.notFound("Security Group", id);
    }

    /** The project's default group exists afterwards (nothing to do without a project). */
    Uni<Void> ensure(String projectId) {
        return projectId == null ? Uni.createFrom().voidItem() : defaults.ensure(projectId).replaceWithVoid();
    }

    private Uni<Void> refuseInUse(SecurityGroup g) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM port_security_group WHERE security_group_id = :g", Long.class)
                .setParameter("g", g.id).getSingleResult()).invoke(ports -> {
                    if (ports > 0) {
                        throw Neutron.conflict("SecurityGroupInUse", "Security Group " + g.id + " in use.");
                    }
                }).replaceWithVoid();
    }

    private Uni<SecurityGroupView> view(SecurityGroup g) {
        return rules.ofGroups(List.of(g.id)).map(rs -> SecurityGroupView.of(g, rs));
    }

    private Uni<List<SecurityGroupView>> views(List<SecurityGroup> found) {
        return rules.ofGroups(found.stream().map(g -> g.id).toList()).map(all -> {
            Map<UUID, List<SecurityGroupRule>> byGroup = all.stream()
                    .collect(Collectors.groupingBy(r -> r.securityGroupId));
            List<SecurityGroupView> out = new ArrayList<>(found.size());
            for (SecurityGroup g : found) {
                out.add(SecurityGroupView.of(g, byGroup.getOrDefault(g.id, List.of())));
            }
            return out;
        });
    }

    /** Strato has no shared (RBAC) groups: {@code ?shared=true} matches none. */
    private static boolean sharedOnly(ListRequest request) {
        List<String> shared = request.filters().get("shared");
        return shared != null && shared.stream().noneMatch(v -> Booleans.parse(v).equals(Optional.of(false)));
    }

    private static SecurityGroupRule egress(SecurityGroup g, String ethertype) {
        SecurityGroupRule r = new SecurityGroupRule();
        r.id = UUID.randomUUID();
        r.projectId = g.projectId;
        r.securityGroupId = g.id;
        r.direction = "egress";
        r.ethertype = ethertype;
        r.createdAt = g.createdAt;
        r.updatedAt = g.createdAt;
        return r;
    }
}
