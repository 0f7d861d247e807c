package io.strato.network.subnets;

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
import io.strato.network.ipam.Ipam;
import io.strato.network.networks.Network;
import io.strato.network.networks.NetworkRepository;
import io.strato.network.networks.NetworkService;
import io.strato.network.quotas.NetworkQuotas;
import io.strato.network.subnetpools.SubnetPoolAllocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Subnets: their layout (checked by {@link SubnetLayout}), who sees them, and their life cycle. */
@ApplicationScoped
public class SubnetService {
    private static final ListSql LIST = new ListSql("subnet", Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("network_id", "network_id"), Map.entry("project_id", "project_id"),
            Map.entry("ip_version", "ip_version"), Map.entry("cidr", "cidr"), Map.entry("gateway_ip", "gateway_ip"),
            Map.entry("enable_dhcp", "enable_dhcp"), Map.entry("ipv6_ra_mode", "ipv6_ra_mode"),
            Map.entry("ipv6_address_mode", "ipv6_address_mode"), Map.entry("subnetpool_id", "subnetpool_id"),
            Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));

    private final SubnetRepository subnets;
    private final NetworkRepository networks;
    private final NetworkService networkService;
    private final Ipam ipam;
    private final NetworkQuotas quota;
    private final Policy policy;
    private final NetworkEvents events;
    private final Lists lists;

    private final Instance<SubnetReleaser> releasers;
    private final SubnetPoolAllocator allocator;

    public SubnetService(SubnetRepository subnets, NetworkRepository networks, NetworkService networkService, Ipam ipam,
                         NetworkQuotas quota, Policy policy, NetworkEvents events, Lists lists,
                         Instance<SubnetReleaser> releasers, SubnetPoolAllocator allocator) {
        this.releasers = releasers;
        this.allocator = allocator;
        this.subnets = subnets;
        this.networks = networks;
        this.networkService = networkService;
        this.ipam = ipam;
        this.quota = quota;
        this.policy = policy;
        this.events = events;
        this.lists = lists;
    }

    @WithSession
    public Uni<Subnet> show(Caller caller, UUID id) {
        return visible(caller, id, null).map(found -> {
            // a subnet the caller may not read does not exist for it (an external network's, say), as in Neutron
            if (!policy.allowed(SubnetPolicies.GET, caller, SubnetPolicies.target(found.subnet().projectId, found.network()))) {
                throw Neutron.notFound("Subnet", id);
            }
            return found.subnet();
        });
    }

    @WithSession
    public Uni<List<Subnet>> list(Caller caller, ListRequest request) {
        ListSql.Query q = networkService.isAdmin(caller) ? LIST.select(request, null, Map.of())
                : LIST.select(request, "project_id = :scope_project OR network_id IN "
                        + "(SELECT n.id FROM network n WHERE n.project_id = :scope_project OR n.shared)",
                Map.of("scope_project", String.valueOf(caller.projectId())));
        return lists.fetch(Subnet.class, q);
    }

    /**
     * Creates a subnet with the given CIDR or one allocated from a subnet pool. Creates on one network run one at a
     * time (an advisory lock), and allocations from one pool too (the pool's row lock, taken after the network's):
     * neither two overlapping subnets on a network nor two subnets with one prefix from a pool can both pass.
     */
    @WithTransaction
    public Uni<Subnet> create(Caller caller, SubnetRequest r) {
        // a given CIDR is checked before anything is read; one from a pool once the pool gave it
        SubnetLayout given = r.cidr().isPresent() ? SubnetLayout.create(r) : null;
        UUID networkId = r.networkId().orElseThrow();
        // FOR SHARE: the network cannot be deleted under the new subnet
        return networkService.visible(caller, networkId, LockModeType.PESSIMISTIC_READ).flatMap(net -> {
            String project = r.projectId().orElse(caller.projectId());
            policy.enforce(SubnetPolicies.CREATE, caller, SubnetPolicies.target(project, net));
            return Panache.getSession().flatMap(session -> quota.claim(project, "subnet", 1)
                    .chain(() -> lockSubnetsOf(session, networkId))
                    .chain(() -> r.fromPool() ? allocator.allocate(caller, ask(r, given, project))
                            : Uni.createFrom().item(new SubnetPoolAllocator.Allocation(null, given.cidr())))
                    .flatMap(allocation -> {
                        SubnetLayout layout = given != null ? given : SubnetLayout.create(r.withCidr(allocation.cidr()));
                        Subnet s = newSubnet(r, project, layout);
                        s.subnetpoolId = allocation.poolId();
                        return subnets.ofNetwork(networkId).invoke(existing -> checkFits(s, layout, existing))
                                .chain(() -> subnets.persist(s))
                                .call(() -> events.publish("subnet", "created", s.id, SubnetView.of(s)));
                    }));
        });
    }

    private static SubnetPoolAllocator.Ask ask(SubnetRequest r, SubnetLayout given, String project) {
        return new SubnetPoolAllocator.Ask(r.subnetpoolId(), r.useDefaultSubnetpool(), r.ipVersion(),
                Optional.ofNullable(given).map(SubnetLayout::cidr), r.prefixlen(), r.gatewayIp(), project);
    }

    private static Subnet newSubnet(SubnetRequest r, String project, SubnetLayout layout) {
        Instant now = StandardAttributes.now();
        Subnet s = new Subnet();
        s.id = UUID.randomUUID();
        s.projectId = project;
        s.networkId = r.networkId().orElseThrow();
        s.name = r.name().orElse("");
        s.description = r.description().orElse("");
        s.enableDhcp = r.enableDhcp().orElse(true);
        s.tags = new ArrayList<>(r.tags().orElse(List.of()));
        s.createdAt = now;
        s.updatedAt = now;
        apply(s, layout);
        s.ipv6RaMode = layout.ipv6RaMode();
        s.ipv6AddressMode = layout.ipv6AddressMode();
        return s;
    }

    /**
     * A new subnet overlaps none of its network's, and, as in Neutron, the subnets of one IP version on a network
     * all come from the same pool (or none).
     */
    private static void checkFits(Subnet s, SubnetLayout layout, List<Subnet> existing) {
        for (Subnet other : existing) {
            if (layout.overlaps(other.cidr)) {
                throw Neutron.invalid("Requested subnet with cidr: " + layout.cidr() + " for network: "
                        + s.networkId + " overlaps with another subnet");
            }
            if (other.ipVersion == s.ipVersion && !Objects.equals(other.subnetpoolId, s.subnetpoolId)) {
                throw Neutron.badRequest("NetworkSubnetPoolAffinityError",
                        "Subnets hosted on the same network must be allocated from the same subnet pool.");
            }
        }
    }

    @WithTransaction
    public Uni<Subnet> update(Caller caller, UUID id, SubnetRequest r) {
        // FOR UPDATE: IPAM takes the same lock, so the pools do not change under an allocation
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(found -> {
            Subnet s = found.subnet();
            policy.enforce(SubnetPolicies.UPDATE, caller, SubnetPolicies.target(s.projectId, found.network()));
            SubnetLayout layout = SubnetLayout.update(s, r);
            apply(s, layout);
            r.name().ifPresent(x -> s.name = x);
            r.description().ifPresent(x -> s.description = x);
            r.enableDhcp().ifPresent(x -> s.enableDhcp = x);
            s.touched(StandardAttributes.now());
            return events.publish("subnet", "updated", s.id, SubnetView.of(s)).replaceWith(s);
        });
    }

    /**
     * Deletes a subnet no port has an address in (409 SubnetInUse otherwise). As in Neutron, the
     * EUI-64 addresses of an auto-addressed IPv6 subnet are removed from ordinary ports first.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(found -> {
            Subnet s = found.subnet();
            policy.enforce(SubnetPolicies.DELETE, caller, SubnetPolicies.target(s.projectId, found.network()));
            Uni<Void> released = Uni.createFrom().voidItem();
            for (SubnetReleaser r : releasers) {
                released = released.chain(() -> r.releaseSubnet(s.id));
            }
            return released.chain(() -> Panache.getSession()).flatMap(session -> dropAutoAddresses(session, s)
                    .chain(() -> ipam.inUse(session, s.id))
                    .flatMap(used -> {
                        if (used) {
                            throw Neutron.conflict("SubnetInUse", "Unable to complete operation on subnet " + s.id
                                    + ": One or more ports have an IP allocation from this subnet.");
                        }
                        var view = SubnetView.of(s);
                        return subnets.delete("id", s.id).chain(session::flush)
                                .chain(() -> events.publish("subnet", "deleted", s.id, view));
                    }));
        });
    }

    private record Found(Subnet subnet, Network network) {
    }

    /** The subnet and its network if the caller may see it, else 404 SubnetNotFound. */
    private Uni<Found> visible(Caller caller, UUID id, LockModeType lock) {
        Uni<Subnet> found = lock == null ? subnets.findById(id) : subnets.findById(id, lock);
        return found.flatMap(s -> s == null ? Uni.createFrom().failure(Neutron.notFound("Subnet", id))
                : networks.findById(s.networkId).map(n -> {
                    boolean mine = s.projectId.equals(caller.projectId()) || n.projectId.equals(caller.projectId());
                    if (!(networkService.isAdmin(caller) || mine || n.shared || n.routerExternal)) {
                        throw Neutron.notFound("Subnet", id);
                    }
                    return new Found(s, n);
                }));
    }

    private static void apply(Subnet s, SubnetLayout layout) {
        s.ipVersion = layout.ipVersion();
        s.cidr = layout.cidr();
        s.gatewayIp = layout.gatewayIp();
        s.allocationPools = new ArrayList<>(layout.pools());
        s.dnsNameservers = new ArrayList<>(layout.dnsNameservers());
        s.hostRoutes = new ArrayList<>(layout.hostRoutes());
    }

    /** Serialises subnet creates on one network, so two overlapping CIDRs cannot both pass the overlap check. */
    private static Uni<Void> lockSubnetsOf(Mutiny.Session s, UUID networkId) {
        return s.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(:k)) AS text)", String.class)
                .setParameter("k", "strato.network.subnets." + networkId).getResultList().replaceWithVoid();
    }

    private static Uni<Void> dropAutoAddresses(Mutiny.Session session, Subnet s) {
        if (!s.autoAddressed()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("DELETE FROM ip_allocation a USING port p WHERE a.port_id = p.id AND a.subnet_id = :s "
                        + "AND p.device_owner NOT LIKE 'network:router%'")
                .setParameter("s", s.id).executeUpdate().replaceWithVoid();
    }
}
