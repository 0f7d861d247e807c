package io.strato.network.routers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.Ids;
import io.strato.network.api.Neutron;
import io.strato.network.policy.NetworkPolicies;
import io.strato.network.ports.DevicePorts;
import io.strato.network.ports.FixedIpRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A router's external gateway: a port on an external network ({@code network:router_gateway}, owned by
 * the router's project) holding the router's public address. Setting, moving and clearing it run in
 * the caller's transaction with the router row locked; a gateway that floating IPs reach their
 * ports through cannot go (409), since their NAT lives on it.
 */
@ApplicationScoped
class RouterGateways {
    static final String OWNER = "network:router_gateway";

    private final DevicePorts ports;
    private final RouterHosting hosting;
    private final Policy policy;

    RouterGateways(DevicePorts ports, RouterHosting hosting, Policy policy) {
        this.ports = ports;
        this.hosting = hosting;
        this.policy = policy;
    }

    /**
     * @param operation {@code create_router} or {@code update_router}: the prefix of the gateway rules
     */
    Uni<Void> apply(Caller caller, boolean admin, String operation, Router r, RouterRequest.Gateway g) {
        Map<String, Object> target = NetworkPolicies.target(r.projectId);
        policy.enforce(operation + RouterPolicies.GATEWAY, caller, target);
        if (g.clears()) {
            return clear(r);
        }
        policy.enforce(operation + RouterPolicies.GATEWAY_NETWORK, caller, target);
        if (g.enableSnat() != null) {
            policy.enforce(operation + RouterPolicies.GATEWAY_SNAT, caller, target);
        }
        if (g.fixedIps() != null) {
            policy.enforce(operation + RouterPolicies.GATEWAY_IPS, caller, target);
        }
        return Topology.network(g.networkId()).flatMap(net -> {
            if (net == null || !net.visibleTo(caller, admin)) {
                throw Neutron.notFound("Network", g.networkId());
            }
            if (!net.external()) {
                throw RouterRequest.bad("Network " + net.id() + " is not an external network");
            }
            return Topology.subnetsOfNetwork(net.id()).flatMap(subnets -> {
                checkFixedIps(g.fixedIps(), subnets, net.id());
                // Neutron: enable_snat not given means the configured default (on), also on a change
                r.enableSnat = g.enableSnat() == null || g.enableSnat();
                if (net.id().equals(r.gwNetworkId)) {
                    return addressesChange(r, g.fixedIps()).flatMap(change -> change
                            ? removePort(r).chain(() -> createPort(r, net.id(), g.fixedIps()))
                            : Uni.createFrom().voidItem());
                }
                return clear(r).chain(() -> noInterfaceOn(r, subnets)).chain(() -> createPort(r, net.id(), g.fixedIps()));
            });
        });
    }

    /** Removes the gateway (and its port); refused while floating IPs use the router. */
    Uni<Void> clear(Router r) {
        if (r.gwNetworkId == null && r.gwPortId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT count(*) FROM floating_ip WHERE router_id = :r", Long.class)
                        .setParameter("r", r.id).getSingleResult())
                .flatMap(inUse -> {
                    if (inUse > 0) {
                        throw Neutron.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for router "
                                + r.id + ", since a gateway to external network " + r.gwNetworkId
                                + " is required by one or more floating IPs.");
                    }
                    r.gwNetworkId = null;
                    return removePort(r);
                });
    }

    /** Deletes the gateway port; the router row stops referring to it first. */
    Uni<Void> removePort(Router r) {
        UUID port = r.gwPortId;
        if (port == null) {
            return Uni.createFrom().voidItem();
        }
        r.gwPortId = null;
        return Panache.getSession().flatMap(s -> s.flush()).chain(() -> ports.deleteFor(port));
    }

    /** The gateway port, bound to the router's host (the router is scheduled first when it has none). */
    private Uni<Void> createPort(Router r, UUID network, List<FixedIpRequest> fixedIps) {
        return hosting.schedule(r).flatMap(host -> ports.createFor(r.projectId, network,
                        fixedIps == null ? List.of() : fixedIps, r.id.toString(), OWNER, host))
                .invoke(port -> {
                    r.gwNetworkId = network;
                    r.gwPortId = port.id;
                })
                .replaceWithVoid();
    }

    /** Neutron's test: the requested subnets or addresses differ from the gateway port's. */
    private static Uni<Boolean> addressesChange(Router r, List<FixedIpRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        if (r.gwPortId == null) {
            return Uni.createFrom().item(true);
        }
        return Topology.addresses(r.gwPortId).map(current -> {
            Set<UUID> subnets = requested.stream().map(FixedIpRequest::subnetId).filter(Objects::nonNull).collect(Collectors.toSet());
            Set<String> ips = requested.stream().map(FixedIpRequest::ipAddress).filter(Objects::nonNull).collect(Collectors.toSet());
            return !subnets.equals(current.stream().map(Topology.Address::subnetId).collect(Collectors.toSet()))
                    || !ips.equals(current.stream().map(Topology.Address::ipAddress).collect(Collectors.toSet()));
        });
    }

    private static void checkFixedIps(List<FixedIpRequest> ips, List<Topology.Subnet> subnets, UUID network) {
        if (ips == null) {
            return;
        }
        Set<UUID> onNetwork = subnets.stream().map(Topology.Subnet::id).collect(Collectors.toSet());
        for (FixedIpRequest ip : ips) {
            if (ip.subnetId() != null && !onNetwork.contains(ip.subnetId())) {
                throw Neutron.invalid("Failed to create port on network " + network
                        + ", because fixed_ips included invalid subnet " + ip.subnetId() + ".");
            }
            if (ip.ipAddress() != null && subnets.stream().anyMatch(s -> ip.ipAddress().equals(s.gatewayIp()))) {
                throw RouterRequest.bad("External IP " + ip.ipAddress() + " is the same as the gateway IP");
            }
        }
    }

    /** A router cannot reach an external network through its gateway and an interface at once. */
    private static Uni<Void> noInterfaceOn(Router r, List<Topology.Subnet> subnets) {
        if (subnets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT subnet_id FROM router_interface WHERE router_id = :r AND subnet_id "
                                + Topology.IN_IDS, UUID.class)
                        .setParameter("r", r.id).setParameter("ids", Ids.sqlArray(subnets.stream().map(Topology.Subnet::id).toList()))
                        .getResultList())
                .invoke(found -> {
                    if (!found.isEmpty()) {
                        throw RouterRequest.bad("Router already has a port on subnet " + found.get(0));
                    }
                })
                .replaceWithVoid();
    }
}
