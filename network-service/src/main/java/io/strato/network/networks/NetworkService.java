package io.strato.network.networks;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.Ids;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.config.NetworkConfig;
import io.strato.network.events.NetworkEvents;
import io.strato.network.policy.NetworkPolicies;
import io.strato.network.quotas.NetworkQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Networks: who sees them, their segments, and their life cycle (a network goes with its subnets). */
@ApplicationScoped
public class NetworkService {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("project_id", "project_id"), Map.entry("admin_state_up", "admin_state_up"),
            Map.entry("status", "status"), Map.entry("shared", "shared"), Map.entry("router:external", "router_external"),
            Map.entry("mtu", "mtu"), Map.entry("port_security_enabled", "port_security_enabled"), Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number"));
    private static final ListSql MEMBER_LIST = new ListSql("network", COLUMNS);
    private static final ListSql ADMIN_LIST;

    static {
        Map<String, String> admin = new LinkedHashMap<>(COLUMNS);
        admin.put(NetworkRequest.TYPE, "network_type");
        admin.put(NetworkRequest.PHYSNET, "physical_network");
        admin.put(NetworkRequest.SEGMENT, "segmentation_id");
        ADMIN_LIST = new ListSql("network", admin);
    }

    /** A network and the ids of its subnets (as its view lists them). */
    public record Shown(Network network, List<UUID> subnets) {
    }

    private final NetworkRepository networks;
    private final Segments segments;
    private final NetworkQuotas quota;
    private final Policy policy;
    private final NetworkEvents events;
    private final Lists lists;
    private final NetworkConfig config;

    private final Instance<NetworkReleaser> releasers;

    public NetworkService(NetworkRepository networks, Segments segments, NetworkQuotas quota, Policy policy,
                          NetworkEvents events, Lists lists, NetworkConfig config, Instance<NetworkReleaser> releasers) {
        this.releasers = releasers;
        this.networks = networks;
        this.segments = segments;
        this.quota = quota;
        this.policy = policy;
        this.events = events;
        this.lists = lists;
        this.config = config;
    }

    public boolean isAdmin(Caller caller) {
        return NetworkPolicies.isAdmin(policy, caller);
    }

    /**
     * The network if the caller may see it (admin, its project, or shared or external); a 404
     * NetworkNotFound otherwise, so that others' private networks stay unknown. Needs a session.
     */
    public Uni<Network> visible(Caller caller, UUID id) {
        return visible(caller, id, null);
    }

    /** As {@link #visible(Caller, UUID)}, locking the row ({@code FOR SHARE}/{@code FOR UPDATE}) until the transaction ends. */
    public Uni<Network> visible(Caller caller, UUID id, LockModeType lock) {
        Uni<Network> found = lock == null ? networks.findById(id) : networks.findById(id, lock);
        return found.map(n -> {
            if (n == null || !(isAdmin(caller) || n.visibleTo(caller.projectId()))) {
                throw Neutron.notFound("Network", id);
            }
            return n;
        });
    }

    @WithSession
    public Uni<Shown> show(Caller caller, UUID id) {
        return visible(caller, id).invoke(n -> policy.enforce(NetworkResourcePolicies.GET, caller, NetworkResourcePolicies.target(n)))
                .flatMap(this::shown);
    }

    @WithSession
    public Uni<List<Shown>> list(Caller caller, ListRequest request) {
        boolean admin = isAdmin(caller);
        ListSql.Query q = admin ? ADMIN_LIST.select(request, null, Map.of())
                : MEMBER_LIST.select(request, "project_id = :scope_project OR shared OR router_external",
                Map.of("scope_project", String.valueOf(caller.projectId())));
        return lists.fetch(Network.class, q).flatMap(found -> Panache.getSession().flatMap(s ->
                subnetIds(s, found.stream().map(n -> n.id).toList()).map(subnets -> found.stream()
                        .map(n -> new Shown(n, subnets.getOrDefault(n.id, List.of()))).toList())));
    }

    @WithTransaction
    public Uni<Shown> create(Caller caller, NetworkRequest r) {
        String project = r.projectId().orElse(caller.projectId());
        Map<String, Object> target = NetworkPolicies.target(project);
        policy.enforce(NetworkResourcePolicies.CREATE, caller, target);
        if (r.shared().orElse(false)) {
            policy.enforce(NetworkResourcePolicies.CREATE_SHARED, caller, target);
        }
        if (r.external().orElse(false)) {
            policy.enforce(NetworkResourcePolicies.CREATE_EXTERNAL, caller, target);
        }
        if (r.asksProvider()) {
            policy.enforce(NetworkResourcePolicies.CREATE_PROVIDER, caller, target);
        }
        checkMtu(r);
        Instant now = StandardAttributes.now();
        Network n = new Network();
        n.id = UUID.randomUUID();
        n.projectId = project;
        n.name = r.name().orElse("");
        n.description = r.description().orElse("");
        n.adminStateUp = r.adminStateUp().orElse(true);
        n.shared = r.shared().orElse(false);
        n.routerExternal = r.external().orElse(false);
        n.mtu = r.mtu().orElse(config.mtu());
        n.portSecurityEnabled = r.portSecurityEnabled().orElse(true);
        n.tags = new ArrayList<>(r.tags().orElse(List.of()));
        n.createdAt = now;
        n.updatedAt = now;
        return Panache.getSession().flatMap(s -> quota.claim(project, "network", 1)
                .chain(() -> segments.assign(s, n, r.provider()))
                .chain(() -> networks.persist(n))
                .chain(() -> events.publish("network", "created", n.id, NetworkView.of(n, List.of(), true)))
                .replaceWith(new Shown(n, List.of())));
    }

    @WithTransaction
    public Uni<Shown> update(Caller caller, UUID id, NetworkRequest r) {
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(n -> {
            Map<String, Object> target = NetworkResourcePolicies.target(n);
            policy.enforce(NetworkResourcePolicies.UPDATE, caller, target);
            if (r.shared().isPresent() && r.shared().get() != n.shared) {
                policy.enforce(NetworkResourcePolicies.UPDATE_SHARED, caller, target);
            }
            if (r.external().isPresent() && r.external().get() != n.routerExternal) {
                policy.enforce(NetworkResourcePolicies.UPDATE_EXTERNAL, caller, target);
            }
            Segments.Provider p = r.provider();
            if ((p.networkType() != null && !p.networkType().equals(n.networkType))
                    || (p.physicalNetwork() != null && !p.physicalNetwork().equals(n.physicalNetwork))
                    || (p.segmentationId() != null && !p.segmentationId().equals(n.segmentationId))) {
                throw Neutron.invalid("Plugin does not support updating provider attributes");
            }
            checkMtu(r);
            Uni<Void> checked = Panache.getSession().flatMap(s -> checkUnsharing(s, n, r).chain(() -> checkInternalising(s, n, r)));
            Uni<Network> applied = checked.map(ignored -> apply(n, r));
            return applied.flatMap(this::shown)
                    .call(shown -> events.publish("network", "updated", n.id, NetworkView.of(n, shown.subnets(), true)));
        });
    }

    /**
     * Deletes the network and its subnets; a network with ports left is a 409 NetworkInUse. Ports that go with
     * their network (the agents' DHCP ports, {@link NetworkReleaser}) are deleted first.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(n -> {
            policy.enforce(NetworkResourcePolicies.DELETE, caller, NetworkResourcePolicies.target(n));
            Uni<Void> released = Uni.createFrom().voidItem();
            for (NetworkReleaser r : releasers) {
                released = released.chain(() -> r.releaseNetwork(n.id));
            }
            return released.chain(() -> Panache.getSession()).flatMap(s -> count(s, "SELECT count(*) FROM port WHERE network_id = :n", n.id)
                    .flatMap(ports -> {
                        if (ports > 0) {
                            throw Neutron.conflict("NetworkInUse", "Unable to complete operation on network " + n.id
                                    + ". There are one or more ports still in use on the network.");
                        }
                        return subnetIds(s, List.of(n.id));
                    })
                    .flatMap(subnets -> {
                        List<UUID> gone = subnets.getOrDefault(n.id, List.of());
                        Uni<Void> chain = s.createNativeQuery("DELETE FROM ip_allocation WHERE network_id = :n").setParameter("n", n.id)
                                .executeUpdate().chain(() -> s.createNativeQuery("DELETE FROM subnet WHERE network_id = :n")
                                        .setParameter("n", n.id).executeUpdate()).replaceWithVoid();
                        for (UUID subnet : gone) {
                            chain = chain.chain(() -> events.publish("subnet", "deleted", subnet,
                                    Map.of("id", subnet.toString(), "network_id", n.id.toString(), "project_id", n.projectId)));
                        }
                        var view = NetworkView.of(n, gone, true);
                        return chain.chain(() -> networks.delete("id", n.id)).chain(s::flush)
                                .chain(() -> events.publish("network", "deleted", n.id, view));
                    }));
        });
    }

    private static Network apply(Network n, NetworkRequest r) {
        r.name().ifPresent(x -> n.name = x);
        r.description().ifPresent(x -> n.description = x);
        r.adminStateUp().ifPresent(x -> n.adminStateUp = x);
        r.shared().ifPresent(x -> n.shared = x);
        r.external().ifPresent(x -> n.routerExternal = x);
        r.mtu().ifPresent(x -> n.mtu = x);
        r.portSecurityEnabled().ifPresent(x -> n.portSecurityEnabled = x);
        n.touched(StandardAttributes.now());
        return n;
    }

    private Uni<Shown> shown(Network n) {
        return Panache.getSession().flatMap(s -> subnetIds(s, List.of(n.id)))
                .map(m -> new Shown(n, m.getOrDefault(n.id, List.of())));
    }

    private void checkMtu(NetworkRequest r) {
        r.mtu().ifPresent(m -> {
            if (m > config.mtu()) {
                throw Neutron.invalid("Requested MTU is too big, maximum is " + config.mtu());
            }
        });
    }

    /** Neutron's InvalidSharedSetting: a network others have ports on stays shared. */
    private static Uni<Void> checkUnsharing(Mutiny.Session s, Network n, NetworkRequest r) {
        if (!n.shared || r.shared().orElse(true)) {
            return Uni.createFrom().voidItem();
        }
        return s.createNativeQuery("SELECT count(*) FROM port WHERE network_id = :n AND project_id <> :p", Long.class)
                .setParameter("n", n.id).setParameter("p", n.projectId).getSingleResult().map(others -> {
                    if (others > 0) {
                        throw Neutron.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for network "
                                + n.id + ". Multiple tenants are using it.");
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** Neutron's ExternalNetworkInUse: router gateways and floating IPs keep a network external. */
    private static Uni<Void> checkInternalising(Mutiny.Session s, Network n, NetworkRequest r) {
        if (!n.routerExternal || r.external().orElse(true)) {
            return Uni.createFrom().voidItem();
        }
        return count(s, "SELECT count(*) FROM port WHERE network_id = :n AND (device_owner = 'network:router_gateway' "
                + "OR device_owner = 'network:floatingip')", n.id).map(gateways -> {
            if (gateways > 0) {
                throw Neutron.conflict("ExternalNetworkInUse", "External network " + n.id
                        + " cannot be updated to be made non-external, since it has existing gateway ports.");
            }
            return null;
        }).replaceWithVoid();
    }

    private static Uni<Long> count(Mutiny.Session s, String sql, UUID networkId) {
        return s.createNativeQuery(sql, Long.class).setParameter("n", networkId).getSingleResult();
    }

    /** The subnet ids of the networks, oldest subnet first. */
    static Uni<Map<UUID, List<UUID>>> subnetIds(Mutiny.Session s, Collection<UUID> networkIds) {
        if (networkIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return s.createNativeQuery("SELECT network_id, id FROM subnet WHERE network_id = ANY(CAST(string_to_array(:ids, ',') AS uuid[])) "
                        + "ORDER BY created_at, id", Object[].class)
                .setParameter("ids", Ids.sqlArray(networkIds))
                .getResultList().map(rows -> {
                    Map<UUID, List<UUID>> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
                    }
                    return out;
                });
    }
}
