package io.strato.network.routers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.Ids;
import io.strato.network.api.Neutron;
import io.strato.network.events.NetworkEvents;
import io.strato.network.ports.DevicePorts;
import io.strato.network.ports.FixedIpRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A router's interfaces: ports ({@code network:router_interface}, device_id the router) that join it
 * to subnets, recorded in {@code router_interface}. A subnet joins at most one router (its unique
 * index is the backstop of the checks here); an interface that floating IPs or static routes
 * depend on cannot be removed.
 */
@ApplicationScoped
public class RouterInterfaces {
    static final String OWNER = "network:router_interface";
    private static final TypeReference<List<Map<String, String>>> POOLS = new TypeReference<>() {
    };

    private final RouterAccess access;
    private final DevicePorts ports;
    private final RouterHosting hosting;
    private final NetworkEvents events;
    private final ObjectMapper mapper;

    public RouterInterfaces(RouterAccess access, DevicePorts ports, RouterHosting hosting, NetworkEvents events,
                            ObjectMapper mapper) {
        this.access = access;
        this.ports = ports;
        this.hosting = hosting;
        this.events = events;
        this.mapper = mapper;
    }

    /** {@code add_router_interface} by subnet (the port takes the subnet's gateway address) or by port. */
    @WithTransaction
    public Uni<RouterView.InterfaceInfo> add(Caller caller, UUID routerId, RouterRequest.Interface request) {
        boolean admin = access.isAdmin(caller);
        return access.forChange(caller, routerId, RouterPolicies.ADD_INTERFACE)
                .flatMap(r -> (request.portId() != null ? byPort(caller, admin, r, request.portId())
                        : bySubnet(caller, admin, r, request.subnetId()))
                        .call(info -> {
                            RouterAccess.touch(r);
                            return events.publish("router", "interface_added", r.id, info);
                        }));
    }

    /** {@code remove_router_interface} by port (the port is deleted) or by subnet. */
    @WithTransaction
    public Uni<RouterView.InterfaceInfo> remove(Caller caller, UUID routerId, RouterRequest.Interface request) {
        return access.forChange(caller, routerId, RouterPolicies.REMOVE_INTERFACE)
                .flatMap(r -> (request.portId() != null ? removePort(r, request.portId(), request.subnetId())
                        : removeSubnet(r, request.subnetId()))
                        .call(info -> {
                            RouterAccess.touch(r);
                            return events.publish("router", "interface_removed", r.id, info);
                        }));
    }

    private Uni<RouterView.InterfaceInfo> bySubnet(Caller caller, boolean admin, Router r, UUID subnetId) {
        return Topology.subnet(subnetId).flatMap(s -> s == null ? Uni.createFrom().nullItem()
                        : Topology.network(s.networkId()).map(n -> n != null && n.visibleTo(caller, admin) ? s : null))
                .flatMap(s -> {
                    if (s == null) {
                        throw Neutron.notFound("Subnet", subnetId);
                    }
                    if (s.gatewayIp() == null || s.gatewayIp().isBlank()) {
                        throw RouterRequest.bad("Subnet for router interface must have a gateway IP");
                    }
                    if (!admin && !Objects.equals(s.projectId(), caller.projectId())) {
                        throw RouterRequest.bad("Cannot add interface to router because subnet " + s.id()
                                + " is not owned by project making the request");
                    }
                    return checkNewSubnets(r, List.of(s))
                            .chain(() -> hosting.schedule(r))
                            .flatMap(host -> ports.createFor(r.projectId, s.networkId(),
                                    List.of(new FixedIpRequest(s.id(), s.gatewayIp())), r.id.toString(), OWNER, host))
                            .flatMap(port -> attach(r, port.id, List.of(s.id()))
                                    .map(v -> RouterView.interfaceInfo(r, r.projectId, port.id, s.networkId(), List.of(s.id()))));
                });
    }

    private Uni<RouterView.InterfaceInfo> byPort(Caller caller, boolean admin, Router r, UUID portId) {
        return Topology.port(portId, true).flatMap(p -> {
            if (p == null || !p.visibleTo(caller, admin)) {
                throw Neutron.notFound("Port", portId);
            }
            if (!p.deviceId().isEmpty()) {
                throw Neutron.conflict("PortInUse", "Unable to complete operation on port " + p.id() + " for network "
                        + p.networkId() + ". Port already has an attached device " + p.deviceId() + ".");
            }
            return Topology.addresses(portId).flatMap(addresses -> {
                if (addresses.isEmpty()) {
                    throw RouterRequest.bad("Router port must have at least one fixed IP");
                }
                List<UUID> subnetIds = new ArrayList<>(new LinkedHashSet<>(addresses.stream().map(Topology.Address::subnetId).toList()));
                return Topology.subnets(subnetIds).flatMap(subnets -> {
                    if (subnets.stream().filter(s -> s.ipVersion() == 4).count() > 1) {
                        throw RouterRequest.bad("Cannot have multiple IPv4 subnets on router port");
                    }
                    if (!admin) {
                        inPoolsOrOwned(caller, p, subnets, addresses);
                    }
                    return checkNewSubnets(r, subnets)
                            .chain(() -> Topology.execute("UPDATE port SET device_id = :r, device_owner = :o, "
                                    + "revision_number = revision_number + 1, updated_at = now() WHERE id = :p",
                                    Map.of("r", r.id.toString(), "o", OWNER, "p", p.id())))
                            .chain(() -> attach(r, p.id(), subnetIds))
                            // the adopted port moves to the router's host, whatever it was bound to
                            .chain(() -> hosting.schedule(r)).chain(() -> hosting.bindPorts(r))
                            .map(v -> RouterView.interfaceInfo(r, p.projectId(), p.id(), p.networkId(), subnetIds));
                });
            });
        });
    }

    private Uni<RouterView.InterfaceInfo> removePort(Router r, UUID portId, UUID subnetId) {
        return interfaceRows("SELECT subnet_id FROM router_interface WHERE router_id = :r AND port_id = :x", r.id, portId)
                .flatMap(subnetIds -> {
                    if (subnetIds.isEmpty()) {
                        throw new L3NotFound("RouterInterfaceNotFound",
                                "Router " + r.id + " does not have an interface with id " + portId);
                    }
                    if (subnetId != null && !subnetIds.contains(subnetId)) {
                        throw Neutron.badRequest("SubnetMismatchForPort",
                                "Subnet on port " + portId + " does not match the requested subnet " + subnetId + ".");
                    }
                    return confirmNotInUse(r, subnetIds)
                            .chain(() -> Topology.port(portId, false))
                            .call(() -> Topology.execute("DELETE FROM router_interface WHERE router_id = :r AND port_id = :p",
                                    Map.of("r", r.id, "p", portId)))
                            .call(() -> ports.deleteFor(portId))
                            .map(p -> RouterView.interfaceInfo(r, p.projectId(), p.id(), p.networkId(), subnetIds));
                });
    }

    private Uni<RouterView.InterfaceInfo> removeSubnet(Router r, UUID subnetId) {
        return interfaceRows("SELECT port_id FROM router_interface WHERE router_id = :r AND subnet_id = :x", r.id, subnetId)
                .flatMap(portIds -> {
                    if (portIds.isEmpty()) {
                        throw new L3NotFound("RouterInterfaceNotFoundForSubnet",
                                "Router " + r.id + " has no interface on subnet " + subnetId);
                    }
                    UUID portId = portIds.get(0);
                    return confirmNotInUse(r, List.of(subnetId))
                            .chain(() -> Topology.port(portId, false))
                            .call(() -> Topology.execute("DELETE FROM router_interface WHERE router_id = :r AND subnet_id = :s",
                                    Map.of("r", r.id, "s", subnetId)))
                            // a port joining several (IPv6) subnets stays while it still joins one
                            .call(() -> interfaceRows("SELECT subnet_id FROM router_interface WHERE router_id = :r AND port_id = :x",
                                    r.id, portId).flatMap(rest -> rest.isEmpty() ? ports.deleteFor(portId) : Uni.createFrom().voidItem()))
                            .map(p -> RouterView.interfaceInfo(r, p.projectId(), p.id(), p.networkId(), List.of(subnetId)));
                });
    }

    /**
     * Neutron's checks of new interface subnets: not already on this router (interface or gateway),
     * not overlapping its other interfaces' subnets, and not on another router.
     */
    private Uni<Void> checkNewSubnets(Router r, List<Topology.Subnet> added) {
        List<UUID> addedIds = added.stream().map(Topology.Subnet::id).toList();
        Uni<List<UUID>> gatewaySubnets = r.gwPortId == null ? Uni.createFrom().item(List.of())
                : Topology.addresses(r.gwPortId).map(l -> l.stream().map(Topology.Address::subnetId).toList());
        return gatewaySubnets.flatMap(gw -> Topology.rows("SELECT ri.subnet_id, s.cidr FROM router_interface ri "
                        + "JOIN subnet s ON s.id = ri.subnet_id WHERE ri.router_id = :r", Map.of("r", r.id))
                .flatMap(existing -> {
                    for (Topology.Subnet s : added) {
                        if (gw.contains(s.id()) || existing.stream().anyMatch(e -> s.id().equals(e[0]))) {
                            throw RouterRequest.bad("Router already has a port on subnet " + s.id());
                        }
                        for (Object[] e : existing) {
                            if (overlap(s.cidr(), (String) e[1])) {
                                throw RouterRequest.bad("Cidr " + s.cidr() + " of subnet " + s.id()
                                        + " overlaps with cidr " + e[1] + " of subnet " + e[0]);
                            }
                        }
                    }
                    return Topology.rows("SELECT subnet_id, router_id FROM router_interface WHERE subnet_id " + Topology.IN_IDS,
                            Map.of("ids", Ids.sqlArray(addedIds)));
                })
                .invoke(elsewhere -> {
                    if (!elsewhere.isEmpty()) {
                        throw RouterRequest.bad("Subnet " + elsewhere.get(0)[0] + " is already attached to another router");
                    }
                })
                .replaceWithVoid());
    }

    /** 409 when a static route's next hop or a floating IP's fixed address lies in one of the subnets. */
    private Uni<Void> confirmNotInUse(Router r, List<UUID> subnetIds) {
        return Topology.subnets(subnetIds).flatMap(subnets -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT fixed_ip_address FROM floating_ip "
                                + "WHERE router_id = :r AND fixed_ip_address IS NOT NULL", String.class)
                        .setParameter("r", r.id).getResultList())
                .invoke(fixedIps -> {
                    for (Topology.Subnet subnet : subnets) {
                        if (ExtraRoutes.usesSubnet(r.routes, subnet.cidr())) {
                            throw Neutron.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet " + subnet.id()
                                    + " on router " + r.id + " cannot be deleted, as it is required by one or more routes.");
                        }
                        if (fixedIps.stream().anyMatch(ip -> ExtraRoutes.contains(subnet.cidr(), ip))) {
                            throw Neutron.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet " + subnet.id()
                                    + " on router " + r.id + " cannot be deleted, as it is required by one or more floating IPs.");
                        }
                    }
                })
                .replaceWithVoid());
    }

    /**
     * Neutron's guard for a port attached by a non-admin: an address outside a subnet's allocation
     * pools (such as a shared network's gateway address) is only theirs to use on their own subnet.
     */
    private void inPoolsOrOwned(Caller caller, Topology.PortRow port, List<Topology.Subnet> subnets,
                                List<Topology.Address> addresses) {
        for (Topology.Address a : addresses) {
            Topology.Subnet s = subnets.stream().filter(x -> x.id().equals(a.subnetId())).findFirst().orElseThrow();
            if (!Objects.equals(s.projectId(), caller.projectId()) && !inPools(s, a.ipAddress())) {
                throw RouterRequest.bad("Cannot add interface to router because specified port " + port.id()
                        + " has an IP address out of the allocation pool of subnet " + s.id()
                        + ", which is not owned by the project making the request");
            }
        }
    }

    private boolean inPools(Topology.Subnet s, String ip) {
        IPAddress address = new IPAddressString(ip).getAddress();
        try {
            for (Map<String, String> pool : mapper.readValue(s.allocationPools(), POOLS)) {
                IPAddress start = new IPAddressString(pool.get("start")).getAddress();
                IPAddress end = new IPAddressString(pool.get("end")).getAddress();
                if (start != null && end != null && address != null && start.getIPVersion() == address.getIPVersion()
                        && start.spanWithRange(end).contains(address)) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("allocation_pools of subnet " + s.id() + " is not JSON", e);
        }
    }

    private static Uni<Void> attach(Router r, UUID portId, List<UUID> subnetIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID subnet : subnetIds) {
            chain = chain.chain(() -> Topology.execute("INSERT INTO router_interface (router_id, port_id, subnet_id) "
                    + "VALUES (:r, :p, :s)", Map.of("r", r.id, "p", portId, "s", subnet)).replaceWithVoid());
        }
        return chain;
    }

    private static Uni<List<UUID>> interfaceRows(String sql, UUID routerId, UUID x) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, UUID.class)
                .setParameter("r", routerId).setParameter("x", x).getResultList());
    }

    private static boolean overlap(String a, String b) {
        IPAddress x = new IPAddressString(a).getAddress();
        IPAddress y = new IPAddressString(b).getAddress();
        if (x == null || y == null || x.getIPVersion() != y.getIPVersion()) {
            return false;
        }
        IPAddress bx = x.toPrefixBlock();
        IPAddress by = y.toPrefixBlock();
        return bx.contains(by) || by.contains(bx);
    }
}
