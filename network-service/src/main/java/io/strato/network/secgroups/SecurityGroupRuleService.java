package io.strato.network.secgroups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Security group rules. A rule is created or deleted with its group's row locked (its revision_number
 * goes up), so rule changes of one group are serialised and the duplicate check cannot be raced; the
 * unique index {@code security_group_rule_uq} stays as the last line of defence.
 */
@ApplicationScoped
public class SecurityGroupRuleService {
    static final ListSql RULES = new ListSql("security_group_rule", Map.ofEntries(Map.entry("id", "id"),
            Map.entry("security_group_id", "security_group_id"), Map.entry("direction", "direction"),
            Map.entry("ethertype", "ethertype"), Map.entry("protocol", "protocol"),
            Map.entry("port_range_min", "port_range_min"), Map.entry("port_range_max", "port_range_max"),
            Map.entry("remote_ip_prefix", "remote_ip_prefix"), Map.entry("remote_group_id", "remote_group_id"),
            Map.entry("project_id", "project_id"), Map.entry("description", "description"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));
    /** Rules of the caller's project, and every rule of the caller's groups. */
    private static final String SCOPE = "project_id = :scope_project OR security_group_id IN "
            + "(SELECT g.id FROM security_group g WHERE g.project_id = :scope_project)";

    private final SecurityGroupService groupService;
    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final NetworkQuotas quota;
    private final NetworkEvents events;
    private final Policy policy;
    private final Lists lists;

    public SecurityGroupRuleService(SecurityGroupService groupService, SecurityGroupRepository groups,
                                    SecurityGroupRuleRepository rules, NetworkQuotas quota, NetworkEvents events,
                                    Policy policy, Lists lists) {
        this.groupService = groupService;
        this.groups = groups;
        this.rules = rules;
        this.quota = quota;
        this.events = events;
        this.policy = policy;
        this.lists = lists;
    }

    @WithTransaction
    public Uni<List<SecurityGroupRuleView>> list(Caller caller, ListRequest request) {
        boolean admin = NetworkPolicies.isAdmin(policy, caller);
        if (!admin) {
            policy.enforce(SecurityGroupPolicies.GET_RULE, caller, NetworkPolicies.target(caller.projectId()));
        }
        if (request.filters().containsKey("remote_address_group_id")) {
            return Uni.createFrom().item(List.of()); // no address groups here: no rule names one
        }
        ListSql.Query query = admin ? RULES.select(request, null, Map.of())
                : RULES.select(request, SCOPE, Map.of("scope_project", caller.projectId()));
        return groupService.ensure(caller.projectId())
                .chain(() -> lists.fetch(SecurityGroupRule.class, query))
                .flatMap(found -> defaultGroups(found).map(defaults -> {
                    List<SecurityGroupRuleView> out = new ArrayList<>(found.size());
                    for (SecurityGroupRule r : found) {
                        out.add(SecurityGroupRuleView.of(r, defaults.contains(r.securityGroupId)));
                    }
                    return out;
                }));
    }

    @WithTransaction
    public Uni<SecurityGroupRuleView> show(Caller caller, String id) {
        return visible(caller, id).flatMap(r -> groups.findById(r.securityGroupId)
                .map(g -> SecurityGroupRuleView.of(r, g.isDefault)));
    }

    @WithTransaction
    public Uni<SecurityGroupRuleView> create(Caller caller, RuleRequest request) {
        String project = request.projectId() != null ? request.projectId() : caller.projectId();
        policy.enforce(SecurityGroupPolicies.CREATE_RULE, caller, NetworkPolicies.target(project));
        Uni<Void> remote = request.remoteGroupId() == null ? Uni.createFrom().voidItem()
                : groupService.visible(caller, request.remoteGroupId(), false).replaceWithVoid();
        return remote.invoke(() -> {
            if (request.remoteAddressGroupId() != null) {
                throw Neutron.notFound("Address Group", request.remoteAddressGroupId());
            }
        }).chain(() -> groupService.visible(caller, request.securityGroupId(), true)).flatMap(g -> {
            SecurityGroupRule r = rule(request, g, request.projectId() != null ? request.projectId() : g.projectId);
            return quota.claim(r.projectId, "security_group_rule", 1)
                    .chain(() -> rules.list("securityGroupId", g.id))
                    .invoke(existing -> refuseDuplicate(existing, r))
                    .chain(() -> rules.persist(r))
                    .invoke(() -> touch(g))
                    .map(v -> SecurityGroupRuleView.of(r, g.isDefault))
                    .call(view -> events.publish("security_group_rule", "created", r.id, view));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return visible(caller, id).flatMap(r -> groups.findById(r.securityGroupId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(g -> {
                    if (!policy.allowed(SecurityGroupPolicies.DELETE_RULE, caller, NetworkPolicies.target(g.projectId))) {
                        policy.enforce(SecurityGroupPolicies.DELETE_RULE, caller, NetworkPolicies.target(r.projectId));
                    }
                    SecurityGroupRuleView view = SecurityGroupRuleView.of(r, g.isDefault);
                    touch(g);
                    return rules.delete("id", r.id).replaceWithVoid().call(() -> events.publish("security_group_rule", "deleted", r.id, view));
                }));
    }

    /** The rule if the caller's project owns it or its group (any rule for an admin); SecurityGroupRuleNotFound otherwise. */
    private Uni<SecurityGroupRule> visible(Caller caller, String id) {
        UUID uuid = Ids.orNull(id);
        if (uuid == null) {
            return Uni.createFrom().failure(notFound(id));
        }
        return rules.findById(uuid).flatMap(r -> {
            if (r == null) {
                throw notFound(id);
            }
            if (NetworkPolicies.isAdmin(policy, caller) || r.projectId.equals(caller.projectId())) {
                return Uni.createFrom().item(r);
            }
            return groups.findById(r.securityGroupId).map(g -> {
                if (!g.projectId.equals(caller.projectId())) {
                    throw notFound(id);
                }
                return r;
            });
        }).invoke(r -> {
            if (!NetworkPolicies.isAdmin(policy, caller)) {
                policy.enforce(SecurityGroupPolicies.GET_RULE, caller, NetworkPolicies.target(caller.projectId()));
            }
        });
    }

    private static RuntimeException notFound(String id) {
        return Neutron.notFound("Security Group Rule", id);
    }

    /** The ids among these rules' groups that are default groups. */
    private Uni<Set<UUID>> defaultGroups(List<SecurityGroupRule> found) {
        Set<UUID> ids = new HashSet<>();
        found.forEach(r -> ids.add(r.securityGroupId));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select g.id from SecurityGroup g where g.isDefault = true and g.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList()).map(HashSet::new);
    }

    private static void refuseDuplicate(List<SecurityGroupRule> existing, SecurityGroupRule candidate) {
        RuleKey key = RuleKey.of(candidate);
        for (SecurityGroupRule r : existing) {
            if (RuleKey.of(r).equals(key)) {
                throw Neutron.conflict("SecurityGroupRuleExists", "Security group rule already exists. Rule id is " + r.id + ".");
            }
        }
    }

    /** A rule change is a change of its group: revision_number and updated_at move. */
    private static void touch(SecurityGroup g) {
        g.revisionNumber++;
        g.updatedAt = StandardAttributes.now();
    }

    private static SecurityGroupRule rule(RuleRequest request, SecurityGroup g, String projectId) {
        SecurityGroupRule r = new SecurityGroupRule();
        r.id = UUID.randomUUID();
        r.projectId = projectId;
        r.securityGroupId = g.id;
        r.direction = request.direction();
        r.ethertype = request.ethertype();
        r.protocol = request.protocol();
        r.portRangeMin = request.portRangeMin();
        r.portRangeMax = request.portRangeMax();
        r.remoteIpPrefix = request.remoteIpPrefix();
        r.remoteGroupId = request.remoteGroupId() == null ? null : Ids.orNull(request.remoteGroupId());
        r.description = request.description();
        r.createdAt = StandardAttributes.now();
        r.updatedAt = r.createdAt;
        return r;
    }
}
