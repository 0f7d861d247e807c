package io.strato.network.subnetpools;

import inet.ipaddr.IPAddress;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Addresses;
import io.strato.network.policy.NetworkPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Allocates a new subnet's CIDR from a subnet pool, as Neutron's {@code SubnetAllocator} does, inside the subnet
 * create's transaction. The pool's row is locked ({@code SELECT ... FOR UPDATE}) before its free space is read, so
 * allocations from one pool run one at a time and two subnets never get the same prefix.
 */
@ApplicationScoped
public class SubnetPoolAllocator {
    private final SubnetPoolRepository pools;
    private final Policy policy;

    public SubnetPoolAllocator(SubnetPoolRepository pools, Policy policy) {
        this.pools = pools;
        this.policy = policy;
    }

    /**
     * What a subnet create asks of a pool.
     *
     * @param poolId     {@code subnetpool_id}; empty with {@code useDefault} for the default pool of the version
     * @param ipVersion  the subnet's {@code ip_version}, when given
     * @param cidr       a specific CIDR (normalised) to take from the pool, or empty for the next free one
     * @param prefixlen  the prefix length of the next free one (default: the pool's {@code default_prefixlen})
     * @param gatewayIp  without a CIDR, a gateway names the block of {@code prefixlen} around it
     * @param projectId  the subnet's project, whose allocations count against the pool's {@code default_quota}
     */
    public record Ask(Optional<UUID> poolId, boolean useDefault, Optional<Integer> ipVersion, Optional<String> cidr,
                      Optional<Integer> prefixlen, String gatewayIp, String projectId) {
    }

    /** The pool a subnet came from and the CIDR it got. */
    public record Allocation(UUID poolId, String cidr) {
    }

    /** Needs the caller's transaction: the pool stays locked until it ends. */
    public Uni<Allocation> allocate(Caller caller, Ask ask) {
        return locked(caller, ask).flatMap(pool -> {
            if (ask.ipVersion().isPresent() && ask.ipVersion().get() != pool.ipVersion) {
                throw Neutron.badRequest("BadRequest", "Bad subnets request: Cannot allocate IPv" + ask.ipVersion().get()
                        + " subnet from IPv" + pool.ipVersion + " subnet pool.");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "SELECT cidr, project_id FROM subnet WHERE subnetpool_id = :id", Object[].class)
                    .setParameter("id", pool.id).getResultList()).map(rows -> {
                        List<String> allocated = new ArrayList<>();
                        List<String> projects = new ArrayList<>();
                        for (Object[] row : rows) {
                            allocated.add((String) row[0]);
                            if (ask.projectId().equals(row[1])) {
                                projects.add((String) row[0]);
                            }
                        }
                        return new Allocation(pool.id, choose(pool.layout(), ask, allocated, projects));
                    });
        });
    }

    private static String choose(PoolPrefixes pool, Ask ask, List<String> allocated, List<String> projectsOwn) {
        Optional<String> specific = ask.cidr().or(() -> aroundGateway(pool, ask));
        if (specific.isPresent()) {
            IPAddress block = Addresses.parseCidr(specific.get());
            if (block.isIPv4() != (pool.ipVersion() == 4)) {
                throw Neutron.badRequest("BadRequest", "Bad subnets request: Cannot allocate IPv" + (block.isIPv4() ? 4 : 6)
                        + " subnet from IPv" + pool.ipVersion() + " subnet pool.");
            }
            int prefixlen = block.getNetworkPrefixLength();
            pool.checkPrefixlen(prefixlen);
            pool.checkQuota(prefixlen, projectsOwn);
            pool.checkFree(specific.get(), allocated);
            return specific.get();
        }
        int prefixlen = ask.prefixlen().orElse(pool.defaultPrefixlen());
        pool.checkPrefixlen(prefixlen);
        pool.checkQuota(prefixlen, projectsOwn);
        return pool.next(prefixlen, allocated);
    }

    /** Neutron's specific request without a CIDR: the block of the prefix length that holds the given gateway. */
    private static Optional<String> aroundGateway(PoolPrefixes pool, Ask ask) {
        if (ask.gatewayIp() == null) {
            return Optional.empty();
        }
        IPAddress gw = Addresses.parse(ask.gatewayIp());
        if (gw == null) {
            throw Neutron.invalid("'" + ask.gatewayIp() + "' is not a valid IP address.");
        }
        int prefixlen = ask.prefixlen().orElse(pool.defaultPrefixlen());
        if (prefixlen > gw.getBitCount()) {
            throw Neutron.invalid("'" + prefixlen + "' is not a valid prefix length for IPv" + pool.ipVersion() + ".");
        }
        return Optional.of(Addresses.cidr(gw.setPrefixLength(prefixlen, false).toPrefixBlock()));
    }

    /** The asked pool, locked, if the caller may use it (its own, a shared one, or any for an admin). */
    private Uni<SubnetPool> locked(Caller caller, Ask ask) {
        if (ask.poolId().isPresent()) {
            return SubnetPoolService.visible(pools, policy, caller, ask.poolId().get(), LockModeType.PESSIMISTIC_WRITE);
        }
        int version = ask.ipVersion().orElseGet(() -> Addresses.parseCidr(ask.cidr().orElseThrow()).isIPv4() ? 4 : 6);
        return pools.find("isDefault = true AND ipVersion = ?1", version).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().map(p -> {
                    if (p == null || !(p.shared || p.projectId.equals(caller.projectId())
                            || NetworkPolicies.isAdmin(policy, caller))) {
                        throw Neutron.badRequest("BadRequest", "Bad subnets request: No default subnetpool found for IPv"
                                + version + ".");
                    }
                    return p;
                });
    }
}
