package io.strato.network.ports;

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
import io.strato.network.events.NetworkEvents;
import io.strato.network.ipam.Address;
import io.strato.network.ipam.Ipam;
import io.strato.network.networks.Network;
import io.strato.network.networks.NetworkRepository;
import io.strato.network.networks.NetworkService;
import io.strato.network.quotas.QuotaGuard;
import io.strato.network.secgroups.DefaultGroups;
import io.strato.network.subnets.Subnet;
import io.strato.network.subnets.SubnetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Ports: their life cycle, addresses (through IPAM), MACs, security groups and binding. */
@ApplicationScoped
public class PortService {
    private final PortRepository ports;
    private final NetworkRepository networks;
    private final NetworkService networkService;
    private final SubnetRepository subnets;
    private final Ipam ipam;
    private final PortSecurityGroups groups;
    private final DefaultGroups defaultGroups;
    private final Macs macs;
    private final PortQueries queries;
    private final ProjectQueue queue;
    private final Instance<PortReleaser> releasers;
    private final QuotaGuard quota;
    private final Policy policy;
    private final NetworkEvents events;

    public PortService(PortRepository ports, NetworkRepository networks, NetworkService networkService,
                       SubnetRepository subnets, Ipam ipam, PortSecurityGroups groups, DefaultGroups defaultGroups,
                       Macs macs, PortQueries queries, ProjectQueue queue, Instance<PortReleaser> releasers,
                       QuotaGuard quota, Policy policy, NetworkEvents events) {
        this.ports = ports;
        this.networks = networks;
        this.networkService = networkService;
        this.subnets = subnets;
        this.ipam = ipam;
        this.groups = groups;
        this.defaultGroups = defaultGroups;
        this.macs = macs;
        this.queries = queries;
        this.queue = queue;
        this.releasers = releasers;
        this.quota = quota;
        this.policy = policy;
        this.events = events;
    }

    /** A port with its addresses and security groups, as its view shows it. */
    public record Shown(Port port, List<FixedIp> fixedIps, List<UUID> securityGroups) {
    }

    // ---- the internal API of routers and floating IPs ----

    /**
     * Creates a port for another feature (router interface/gateway, floating IP) inside the CALLER's
     * transaction; no quota, no security groups, port_security off.
     */
    public Uni<Port> createFor(String projectId, UUID networkId, List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner) {
        return Panache.getSession().flatMap(s -> networks.findById(networkId)
                .onItem().ifNull().failWith(() -> Neutron.notFound("Network", networkId))
                .flatMap(net -> {
                    Port p = new Port();
                    p.projectId = projectId;
                    p.deviceId = deviceId == null ? "" : deviceId;
                    p.deviceOwner = deviceOwner == null ? "" : deviceOwner;
                    p.portSecurityEnabled = false;
                    // no agent binds these: a router's ports are up as soon as they exist, a floating IP's port has no status
                    p.status = p.deviceOwner.startsWith("network:floatingip") ? "N/A" : "ACTIVE";
                    return insert(s, net, p, requests(fixedIps)).flatMap(ips -> events.publish("port", "created", p.id,
                            PortView.of(p, ips, List.of(), true))).replaceWith(p);
                }));
    }

    /** Deletes such a port and frees its addresses, inside the caller's transaction. */
    public Uni<Void> deleteFor(UUID portId) {
        return Panache.getSession().flatMap(s -> ports.findById(portId)
                .onItem().ifNull().failWith(() -> Neutron.notFound("Port", portId))
                .flatMap(p -> remove(s, p)));
    }

    /** The addresses of a port. Needs a session. */
    public Uni<List<FixedIp>> fixedIps(UUID portId) {
        return Panache.getSession().flatMap(s -> ipam.ofPort(s, portId)).map(PortService::fixedIps);
    }

    // ---- the port API ----

    public boolean isAdmin(Caller caller) {
        return networkService.isAdmin(caller);
    }

    @WithSession
    public Uni<Shown> show(Caller caller, UUID id) {
        return visible(caller, id, null).invoke(p -> policy.enforce(PortPolicies.GET, caller, Map.of("project_id", p.projectId)))
                .flatMap(queries::shown);
    }

    @WithSession
    public Uni<List<Shown>> list(Caller caller, ListRequest request) {
        return queries.list(caller, isAdmin(caller), request);
    }

    /** Creates a port, queued behind no more than {@link ProjectQueue#WIDTH} running creates of its project. */
    public Uni<Shown> create(Caller caller, PortRequest r) {
        return queue.run(r.projectId().orElse(caller.projectId()), () -> Panache.withTransaction(() -> createNow(caller, r)));
    }

    private Uni<Shown> createNow(Caller caller, PortRequest r) {
        UUID networkId = r.networkId().orElseThrow();
        // FOR SHARE: the network cannot be deleted under the new port
        return networkService.visible(caller, networkId, LockModeType.PESSIMISTIC_READ).flatMap(net -> {
            String project = r.projectId().orElse(caller.projectId());
            Map<String, Object> target = PortPolicies.target(project, net);
            policy.enforce(PortPolicies.CREATE, caller, target);
            checkAttributes(PortPolicies.CREATE, caller, target, r);
            Port p = new Port();
            p.projectId = project;
            p.macAddress = r.macAddress().orElse(null);
            p.portSecurityEnabled = r.portSecurityEnabled().orElse(net.portSecurityEnabled);
            apply(p, net, r);
            List<Map<String, String>> pairs = r.allowedAddressPairs().orElse(List.of());
            checkPortSecurity(p.portSecurityEnabled, r.securityGroups().orElse(List.of()), pairs, false);
            // everything that takes no lock first; the project's quota lock and the subnet's IPAM lock are
            // taken last and held only for the claim, the allocation and the event
            return Panache.getSession().flatMap(s -> groupsForNewPort(s, caller, p, r).flatMap(sgs -> record(s, net, p)
                    .invoke(() -> p.allowedAddressPairs = withMac(pairs, p.macAddress))
                    .chain(() -> s.persist(p)).chain(s::flush)
                    .chain(() -> groups.set(s, p.id, sgs))
                    .chain(() -> subnets.ofNetwork(net.id))
                    // the new port is counted already: the claim is for no more than it
                    .call(() -> quota.claim(project, "port", 0))
                    .flatMap(subs -> ipam.allocate(s, net.id, spaces(subs), requests(r.fixedIps().orElse(null)),
                            p.id, p.macAddress, p.deviceOwner))
                    .map(ips -> new Shown(p, fixedIps(ips), sgs))))
                    .call(shown -> events.publish("port", "created", p.id, PortView.of(p, shown.fixedIps(), shown.securityGroups(), true)))
                    .call(shown -> p.bindingHostId.isEmpty() ? Uni.createFrom().voidItem()
                            : events.publish("port", "bound", p.id, PortView.of(p, shown.fixedIps(), shown.securityGroups(), true)));
        });
    }

    @WithTransaction
    public Uni<Shown> update(Caller caller, UUID id, PortRequest r) {
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> networks.findById(p.networkId).flatMap(net -> {
            Map<String, Object> target = PortPolicies.target(p.projectId, net);
            policy.enforce(PortPolicies.UPDATE, caller, target);
            checkAttributes(PortPolicies.UPDATE, caller, target, r);
            String hostBefore = p.bindingHostId;
            return Panache.getSession().flatMap(s -> groups.ofPorts(s, List.of(p.id)).flatMap(current -> {
                List<UUID> had = current.getOrDefault(p.id, List.of());
                boolean security = r.portSecurityEnabled().orElse(p.portSecurityEnabled);
                List<UUID> wanted = r.securityGroups().orElse(had);
                List<Map<String, String>> pairs = r.allowedAddressPairs().orElse(p.allowedAddressPairs);
                checkPortSecurity(security, wanted, pairs, r.securityGroups().isEmpty());
                Uni<Void> mac = r.macAddress().isEmpty() || r.macAddress().get().equals(p.macAddress) ? Uni.createFrom().voidItem()
                        : changeMac(s, p, r.macAddress().get());
                return mac.chain(() -> r.securityGroups().isPresent() ? checkGroups(s, caller, p.projectId, wanted)
                                .chain(() -> groups.set(s, p.id, wanted)) : Uni.createFrom().voidItem())
                        .chain(() -> r.fixedIps().isPresent()
                                ? subnets.ofNetwork(net.id).flatMap(subs -> ipam.replace(s, net.id, spaces(subs),
                                        requests(r.fixedIps().get()), p.id, p.macAddress, r.deviceOwner().orElse(p.deviceOwner)))
                                .replaceWithVoid()
                                : Uni.createFrom().voidItem())
                        .invoke(() -> {
                            p.portSecurityEnabled = security;
                            p.allowedAddressPairs = withMac(pairs, p.macAddress);
                            apply(p, net, r);
                            p.touched(StandardAttributes.now());
                        })
                        .chain(s::flush)
                        .chain(() -> queries.shown(p));
            })).call(shown -> {
                var view = PortView.of(p, shown.fixedIps(), shown.securityGroups(), true);
                boolean bound = !p.bindingHostId.isEmpty() && !p.bindingHostId.equals(hostBefore);
                return events.publish("port", bound ? "bound" : "updated", p.id, view);
            });
        }));
    }

    /** Deletes a port; a router's or a floating IP's port is theirs to delete (409). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            policy.enforce(PortPolicies.DELETE, caller, Map.of("project_id", p.projectId));
            if (p.ownedByAnotherFeature()) {
                throw Neutron.conflict("ServicePortInUse", "Port " + p.id
                        + " cannot be deleted directly via the port API: has device owner " + p.deviceOwner + ".");
            }
            return Panache.getSession().flatMap(s -> remove(s, p));
        });
    }

    // ---- shared by both ----

    /** Records a new port (a fresh MAC unless one is set) and allocates its addresses. */
    private Uni<List<FixedIp>> insert(Mutiny.Session s, Network net, Port p, List<Address> requests) {
        return record(s, net, p).chain(() -> s.persist(p)).chain(s::flush)
                .chain(() -> subnets.ofNetwork(net.id))
                .flatMap(subs -> ipam.allocate(s, net.id, spaces(subs), requests, p.id, p.macAddress, p.deviceOwner))
                .map(PortService::fixedIps);
    }

    /** Gives a new port its id, network, times and (unless one was given, then checked free) a fresh MAC. */
    private Uni<Void> record(Mutiny.Session s, Network net, Port p) {
        p.id = UUID.randomUUID();
        p.networkId = net.id;
        p.createdAt = StandardAttributes.now();
        p.updatedAt = p.createdAt;
        return p.macAddress == null ? macs.fresh(s, net.id).invoke(m -> p.macAddress = m).replaceWithVoid()
                : macs.checkFree(s, net.id, p.macAddress);
    }

    /** Lets the features holding the port go of it, frees its addresses, deletes it and tells the cloud. */
    private Uni<Void> remove(Mutiny.Session s, Port p) {
        Uni<Void> released = Uni.createFrom().voidItem();
        for (PortReleaser r : releasers) {
            released = released.chain(() -> r.releasePort(p.id));
        }
        return released.chain(() -> queries.shown(p)).flatMap(shown -> {
            var view = PortView.of(p, shown.fixedIps(), shown.securityGroups(), true);
            // a DELETE statement, not s.remove(p): Hibernate Reactive's entity delete completes concurrent
            // deletes of one entity type on each other's threads (HR000069, quarkusio/quarkus#41945), failing
            // them and leaving their transactions open with the port row locked
            return ipam.release(s, p.id).chain(s::flush)
                    .chain(() -> s.createNativeQuery("DELETE FROM port WHERE id = :id").setParameter("id", p.id).executeUpdate())
                    .invoke(() -> s.detach(p))
                    .chain(() -> events.publish("port", "deleted", p.id, view));
        });
    }

    /** The port if the caller may see it (admin or its project), else 404 PortNotFound. */
    private Uni<Port> visible(Caller caller, UUID id, LockModeType lock) {
        Uni<Port> found = lock == null ? ports.findById(id) : ports.findById(id, lock);
        return found.map(p -> {
            if (p == null || !(isAdmin(caller) || p.projectId.equals(caller.projectId()))) {
                throw Neutron.notFound("Port", id);
            }
            return p;
        });
    }

    /** The attribute rules of the attributes the request sets. */
    private void checkAttributes(String op, Caller caller, Map<String, Object> target, PortRequest r) {
        if (r.macAddress().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, "mac_address"), caller, target);
        }
        for (FixedIpRequest f : r.fixedIps().orElse(List.of())) {
            policy.enforce(PortPolicies.attribute(op, f.ipAddress() != null ? "fixed_ips:ip_address" : "fixed_ips:subnet_id"), caller, target);
        }
        if (r.deviceOwner().map(o -> o.startsWith("network:")).orElse(false)) {
            policy.enforce(PortPolicies.attribute(op, "device_owner"), caller, target);
        }
        if (r.portSecurityEnabled().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, "port_security_enabled"), caller, target);
        }
        if (!r.allowedAddressPairs().orElse(List.of()).isEmpty()) {
            policy.enforce(PortPolicies.attribute(op, "allowed_address_pairs"), caller, target);
        }
        if (r.hostId().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, PortRequest.HOST), caller, target);
        }
        if (r.profile().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, PortRequest.PROFILE), caller, target);
        }
    }

    /** Neutron's port-security rules: without port security a port has no security groups and no address pairs. */
    private static void checkPortSecurity(boolean enabled, List<UUID> sgs, List<Map<String, String>> pairs, boolean groupsKept) {
        if (enabled) {
            return;
        }
        if (!sgs.isEmpty()) {
            throw groupsKept
                    ? Neutron.conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated. Cannot disable "
                            + "port security or IP address until security group is removed")
                    : Neutron.conflict("PortSecurityAndIPRequiredForSecurityGroups", "Port security must be enabled and "
                            + "port must have an IP address in order to use security groups.");
        }
        if (!pairs.isEmpty()) {
            throw Neutron.conflict("AddressPairAndPortSecurityRequired",
                    "Port Security must be enabled in order to have allowed address pairs on a port.");
        }
    }

    /** The given groups (checked), or the project's default group for an ordinary port with port security. */
    private Uni<List<UUID>> groupsForNewPort(Mutiny.Session s, Caller caller, Port p, PortRequest r) {
        if (!p.portSecurityEnabled) {
            return Uni.createFrom().item(List.of());
        }
        if (r.securityGroups().isPresent()) {
            List<UUID> given = r.securityGroups().get();
            return checkGroups(s, caller, p.projectId, given).replaceWith(given);
        }
        if (p.deviceOwner.startsWith("network:")) {
            return Uni.createFrom().item(List.of());
        }
        return defaultGroups.ensure(p.projectId).map(List::of);
    }

    /** 404 SecurityGroupNotFound for a group that does not exist or belongs to another project (admins may use any). */
    private Uni<Void> checkGroups(Mutiny.Session s, Caller caller, String projectId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // admins may use any project's group; everybody else only the port's own project's
        return s.createNativeQuery("SELECT id FROM security_group WHERE id = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))"
                        + " AND (CAST(:anyProject AS boolean) OR project_id = :p)", UUID.class)
                .setParameter("ids", Ids.sqlArray(ids))
                .setParameter("anyProject", isAdmin(caller))
                .setParameter("p", projectId)
                .getResultList().map(found -> {
                    for (UUID id : ids) {
                        if (!found.contains(id)) {
                            throw Neutron.notFound("SecurityGroup", id);
                        }
                    }
                    return null;
                }).replaceWithVoid();
    }

    private Uni<Void> changeMac(Mutiny.Session s, Port p, String mac) {
        if (!p.bindingHostId.isEmpty()) {
            throw Neutron.conflict("PortBound", "Unable to complete operation on port " + p.id + ", port is already bound, "
                    + "port type: " + p.bindingVifType + ", old_mac " + p.macAddress + ", new_mac " + mac + ".");
        }
        return macs.checkFree(s, p.networkId, mac).invoke(() -> p.macAddress = mac);
    }

    /** The plain attributes, and the status and binding that follow from them. */
    private static void apply(Port p, Network net, PortRequest r) {
        r.name().ifPresent(x -> p.name = x);
        r.description().ifPresent(x -> p.description = x);
        r.adminStateUp().ifPresent(x -> p.adminStateUp = x);
        r.deviceId().ifPresent(x -> p.deviceId = x);
        r.deviceOwner().ifPresent(x -> p.deviceOwner = x);
        r.vnicType().ifPresent(x -> p.bindingVnicType = x);
        r.profile().ifPresent(x -> p.bindingProfile = x);
        r.tags().ifPresent(x -> p.tags = new ArrayList<>(x));
        r.hostId().ifPresent(host -> Binding.bind(p, net, host));
        Binding.refreshStatus(p);
    }

    /** Address pairs without a MAC take the port's, as Neutron stores them. */
    private static List<Map<String, String>> withMac(List<Map<String, String>> pairs, String mac) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> pair : pairs) {
            Map<String, String> m = new java.util.LinkedHashMap<>(pair);
            m.putIfAbsent("mac_address", mac);
            out.add(m);
        }
        return out;
    }

    private static List<io.strato.network.ipam.AddressSpace> spaces(List<Subnet> subs) {
        return subs.stream().map(Subnet::space).toList();
    }

    private static List<Address> requests(List<FixedIpRequest> fixedIps) {
        return fixedIps == null ? List.of() : fixedIps.stream().map(f -> new Address(f.subnetId(), f.ipAddress())).toList();
    }

    static List<FixedIp> fixedIps(List<Address> addresses) {
        return addresses.stream().map(a -> new FixedIp(a.subnetId(), a.ip())).toList();
    }
}
