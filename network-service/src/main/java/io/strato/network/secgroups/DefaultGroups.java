package io.strato.network.secgroups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Each project's {@code default} security group, created on first use with Neutron's default rules:
 * all egress (IPv4 and IPv6) and ingress from members of the group itself. Two first uses at once
 * make one group: the partial unique index on {@code (project_id) WHERE is_default} lets one insert
 * win and the other read the winner's row. The creation is announced like any other group's.
 */
@ApplicationScoped
public class DefaultGroups {
    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final NetworkEvents events;

    public DefaultGroups(SecurityGroupRepository groups, SecurityGroupRuleRepository rules, NetworkEvents events) {
        this.groups = groups;
        this.rules = rules;
        this.events = events;
    }

    /** The id of the project's default group, creating it (and its rules) if missing. Runs in a transaction. */
    public Uni<UUID> ensure(String projectId) {
        return Panache.getSession().flatMap(s -> find(s, projectId).flatMap(id -> id != null
                ? Uni.createFrom().item(id)
                : create(s, projectId).flatMap(created -> created != null
                        ? rules(s, projectId, created).chain(() -> announce(created)).replaceWith(created)
                        : find(s, projectId))));
    }

    private Uni<Void> announce(UUID id) {
        return groups.findById(id).flatMap(g -> rules.ofGroups(List.of(id))
                .flatMap(rs -> events.publish("security_group", "created", id, SecurityGroupView.of(g, rs))));
    }

    private static Uni<UUID> find(Mutiny.Session s, String projectId) {
        return s.createNativeQuery("SELECT id FROM security_group WHERE project_id = :p AND is_default", UUID.class)
                .setParameter("p", projectId).getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** The new group's id, or null when a concurrent first use created it. */
    private static Uni<UUID> create(Mutiny.Session s, String projectId) {
        UUID id = UUID.randomUUID();
        Instant now = StandardAttributes.now();
        return s.createNativeQuery("INSERT INTO security_group (id, project_id, name, description, is_default, created_at, updated_at) "
                        + "VALUES (:id, :p, 'default', 'Default security group', true, :now, :now) "
                        + "ON CONFLICT (project_id) WHERE is_default DO NOTHING")
                .setParameter("id", id).setParameter("p", projectId).setParameter("now", now)
                .executeUpdate().map(n -> n == 1 ? id : null);
    }

    private static Uni<Void> rules(Mutiny.Session s, String projectId, UUID group) {
        Instant now = StandardAttributes.now();
        record Rule(String direction, String ethertype, boolean fromGroup) {
        }
        List<Rule> rules = List.of(new Rule("egress", "IPv4", false), new Rule("egress", "IPv6", false),
                new Rule("ingress", "IPv4", true), new Rule("ingress", "IPv6", true));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Rule r : rules) {
            chain = chain.chain(() -> s.createNativeQuery("INSERT INTO security_group_rule (id, project_id, security_group_id, "
                            + "direction, ethertype, remote_group_id, created_at, updated_at) "
                            + "VALUES (:id, :p, :g, :d, :e, CAST(:rg AS uuid), :now, :now)")
                    .setParameter("id", UUID.randomUUID()).setParameter("p", projectId).setParameter("g", group)
                    .setParameter("d", r.direction()).setParameter("e", r.ethertype())
                    .setParameter("rg", r.fromGroup() ? group.toString() : null).setParameter("now", now)
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }
}
