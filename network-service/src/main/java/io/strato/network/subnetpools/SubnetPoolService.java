package io.strato.network.subnetpools;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.policy.NetworkPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subnet pools: who sees them (their project, everyone for a shared one, admins all), their prefixes and bounds
 * (checked by {@link PoolPrefixes}) and their life cycle. Allocating subnets from them is
 * {@link SubnetPoolAllocator}'s.
 */
@ApplicationScoped
public class SubnetPoolService {
    private static final ListSql LIST = new ListSql("subnetpool", Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("project_id", "project_id"), Map.entry("tenant_id", "project_id"),
            Map.entry("ip_version", "ip_version"), Map.entry("default_prefixlen", "default_prefixlen"),
            Map.entry("min_prefixlen", "min_prefixlen"), Map.entry("max_prefixlen", "max_prefixlen"),
            Map.entry("default_quota", "default_quota"), Map.entry("shared", "shared"),
            Map.entry("is_default", "is_default"), Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));
    /** What a caller of project {@code :scope_project} sees besides what an admin sees. */
    static final String VISIBLE = "project_id = :scope_project OR shared";

    private final SubnetPoolRepository pools;
    private final Policy policy;
    private final NetworkEvents events;
    private final Lists lists;

    public SubnetPoolService(SubnetPoolRepository pools, Policy policy, NetworkEvents events, Lists lists) {
        this.pools = pools;
        this.policy = policy;
        this.events = events;
        this.lists = lists;
    }

    @WithSession
    public Uni<SubnetPool> show(Caller caller, UUID id) {
        return visible(pools, policy, caller, id, null).invoke(p -> {
            if (owned(caller, p)) {
                policy.enforce(SubnetPoolPolicies.GET, caller, SubnetPoolPolicies.target(p.projectId, p.shared));
            }
        });
    }

    @WithSession
    public Uni<List<SubnetPool>> list(Caller caller, ListRequest request) {
        ListSql.Query q = NetworkPolicies.isAdmin(policy, caller) ? LIST.select(request, null, Map.of())
                : LIST.select(request, VISIBLE, Map.of("scope_project", String.valueOf(caller.projectId())));
        return lists.fetch(SubnetPool.class, q);
    }

    @WithTransaction
    public Uni<SubnetPool> create(Caller caller, SubnetPoolRequest r) {
        PoolPrefixes layout = PoolPrefixes.of(r.prefixes().orElse(List.of()), r.defaultPrefixlen(), r.minPrefixlen(),
                r.maxPrefixlen(), r.defaultQuota());
        String project = r.projectId().orElse(caller.projectId());
        boolean shared = r.shared().orElse(false);
        boolean isDefault = r.isDefault().orElse(false);
        var target = SubnetPoolPolicies.target(project, shared);
        policy.enforce(SubnetPoolPolicies.CREATE, caller, target);
        if (shared) {
            policy.enforce(SubnetPoolPolicies.CREATE_SHARED, caller, target);
        }
        if (isDefault) {
            policy.enforce(SubnetPoolPolicies.CREATE_DEFAULT, caller, target);
        }
        Instant now = StandardAttributes.now();
        SubnetPool p = new SubnetPool();
        p.id = UUID.randomUUID();
        p.projectId = project;
        p.name = r.name().orElse("");
        p.description = r.description().orElse("");
        p.apply(layout);
        p.shared = shared;
        p.isDefault = isDefault;
        p.tags = new ArrayList<>(r.tags().orElse(List.of()));
        p.createdAt = now;
        p.updatedAt = now;
        return (isDefault ? checkNoOtherDefault(p) : Uni.createFrom().voidItem())
                .chain(() -> pools.persist(p))
                .call(() -> events.publish("subnetpool", "created", p.id, SubnetPoolView.of(p)));
    }

    @WithTransaction
    public Uni<SubnetPool> update(Caller caller, UUID id, SubnetPoolRequest r) {
        // FOR UPDATE: allocations lock the pool too, so its prefixes do not change under one
        return visible(pools, policy, caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            var target = SubnetPoolPolicies.target(p.projectId, p.shared);
            policy.enforce(SubnetPoolPolicies.UPDATE, caller, target);
            if (r.isDefault().isPresent()) {
                policy.enforce(SubnetPoolPolicies.UPDATE_DEFAULT, caller, target);
            }
            PoolPrefixes current = p.layout();
            PoolPrefixes updated = PoolPrefixes.of(r.prefixes().orElse(p.prefixes),
                    r.defaultPrefixlen().or(() -> Optional.of(p.defaultPrefixlen)),
                    r.minPrefixlen().or(() -> Optional.of(p.minPrefixlen)),
                    r.maxPrefixlen().or(() -> Optional.of(p.maxPrefixlen)),
                    r.quotaGiven() ? r.defaultQuota() : p.defaultQuota);
            current.checkGrowsTo(updated);
            boolean becomesDefault = r.isDefault().orElse(p.isDefault) && !p.isDefault;
            p.apply(updated);
            r.name().ifPresent(x -> p.name = x);
            r.description().ifPresent(x -> p.description = x);
            r.isDefault().ifPresent(x -> p.isDefault = x);
            p.touched(StandardAttributes.now());
            return (becomesDefault ? checkNoOtherDefault(p) : Uni.createFrom().voidItem())
                    .chain(() -> events.publish("subnetpool", "updated", p.id, SubnetPoolView.of(p)))
                    .replaceWith(p);
        });
    }

    /** Deletes a pool no subnet was allocated from (Neutron's 400 SubnetPoolDeleteError otherwise). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return visible(pools, policy, caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            policy.enforce(SubnetPoolPolicies.DELETE, caller, SubnetPoolPolicies.target(p.projectId, p.shared));
            var view = SubnetPoolView.of(p);
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "SELECT CAST(count(*) AS integer) FROM subnet WHERE subnetpool_id = :id", Integer.class)
                            .setParameter("id", p.id).getSingleResult()
                            .flatMap(used -> {
                                if (used > 0) {
                                    throw Neutron.badRequest("SubnetPoolDeleteError",
                                            "Unable to delete subnet pool: Subnet pool has existing allocations.");
                                }
                                return pools.delete(p).chain(s::flush);
                            }))
                    .chain(() -> events.publish("subnetpool", "deleted", p.id, view));
        });
    }

    /** The pool if the caller may see it (admin, its project, or shared), locked when asked; else 404 SubnetPoolNotFound. */
    static Uni<SubnetPool> visible(SubnetPoolRepository pools, Policy policy, Caller caller, UUID id, LockModeType lock) {
        Uni<SubnetPool> found = lock == null ? pools.findById(id) : pools.findById(id, lock);
        return found.map(p -> {
            if (p == null || !(p.shared || owned(caller, p) || NetworkPolicies.isAdmin(policy, caller))) {
                throw notFound(id);
            }
            return p;
        });
    }

    static RuntimeException notFound(Object id) {
        return Neutron.notFound("Subnet pool", id);
    }

    private static boolean owned(Caller caller, SubnetPool p) {
        return p.projectId.equals(caller.projectId());
    }

    /** Neutron's rule: one default pool per IP version (the partial unique index catches a race). */
    private Uni<Void> checkNoOtherDefault(SubnetPool p) {
        return pools.count("isDefault = true AND ipVersion = ?1 AND id <> ?2", p.ipVersion, p.id).invoke(n -> {
            if (n > 0) {
                throw Neutron.invalid("A default subnetpool for this IP family has already been set. "
                        + "Only one default may exist per IP family");
            }
        }).replaceWithVoid();
    }
}
