package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.ipam.Address;
import io.strato.network.ipam.Ipam;
import io.strato.network.networks.Network;
import io.strato.network.networks.NetworkRepository;
import io.strato.network.subnets.Subnet;
import io.strato.network.subnets.SubnetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Ports: their life cycle, addresses (through IPAM), MACs, security groups and binding. */
@ApplicationScoped
public class PortService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAC_ATTEMPTS = 8;

    private final PortRepository ports;
    private final NetworkRepository networks;
    private final SubnetRepository subnets;
    private final Ipam ipam;
    private final PortSecurityGroups groups;
    private final NetworkEvents events;

    public PortService(PortRepository ports, NetworkRepository networks, SubnetRepository subnets, Ipam ipam,
                       PortSecurityGroups groups, NetworkEvents events) {
        this.ports = ports;
        this.networks = networks;
        this.subnets = subnets;
        this.ipam = ipam;
        this.groups = groups;
        this.events = events;
    }

    /**
     * Creates a port for another feature (router interface/gateway, floating IP) inside the CALLER's
     * transaction; no quota, no security groups, port_security off.
     */
    public Uni<Port> createFor(String projectId, UUID networkId, List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner) {
        return Panache.getSession().flatMap(s -> network(networkId).flatMap(net -> {
            Port p = new Port();
            p.projectId = projectId;
            p.deviceId = deviceId == null ? "" : deviceId;
            p.deviceOwner = deviceOwner == null ? "" : deviceOwner;
            p.portSecurityEnabled = false;
            // no agent binds these: a router's ports are up as soon as they exist, a floating IP's port has no status
            p.status = p.deviceOwner.startsWith("network:floatingip") ? "N/A" : "ACTIVE";
            List<Address> requests = fixedIps == null ? List.of()
                    : fixedIps.stream().map(f -> new Address(f.subnetId(), f.ipAddress())).toList();
            return insert(s, net, p, requests).flatMap(ips -> events.publish("port", "created", p.id,
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

    /** Records a new port (a fresh MAC unless one is set) and allocates its addresses. */
    Uni<List<FixedIp>> insert(Mutiny.Session s, Network net, Port p, List<Address> requests) {
        Instant now = StandardAttributes.now();
        p.id = UUID.randomUUID();
        p.networkId = net.id;
        p.createdAt = now;
        p.updatedAt = now;
        Uni<Void> mac = p.macAddress == null ? freshMac(s, net.id, p, MAC_ATTEMPTS) : macFree(s, net.id, p.macAddress);
        return mac.chain(() -> s.persist(p)).chain(s::flush)
                .chain(() -> subnets.ofNetwork(net.id))
                .flatMap(subs -> ipam.allocate(s, net.id, subs.stream().map(Subnet::space).toList(), requests,
                        p.id, p.macAddress, p.deviceOwner))
                .map(PortService::fixedIps);
    }

    /** Frees the port's addresses, deletes it and tells the cloud. */
    Uni<Void> remove(Mutiny.Session s, Port p) {
        return ipam.ofPort(s, p.id).flatMap(ips -> groups.ofPorts(s, List.of(p.id)).flatMap(g -> {
            var view = PortView.of(p, fixedIps(ips), g.getOrDefault(p.id, List.of()), true);
            return ipam.release(s, p.id).chain(() -> s.remove(p)).chain(s::flush)
                    .chain(() -> events.publish("port", "deleted", p.id, view));
        }));
    }

    Uni<Network> network(UUID networkId) {
        return networks.findById(networkId).onItem().ifNull().failWith(() -> Neutron.notFound("Network", networkId));
    }

    static List<FixedIp> fixedIps(List<Address> addresses) {
        return addresses.stream().map(a -> new FixedIp(a.subnetId(), a.ip())).toList();
    }

    /**
     * A random {@code fa:16:3e:xx:xx:xx} not yet used on the network. The unique index on
     * (network, MAC) still refuses the one-in-millions race of two creates drawing the same MAC.
     */
    private Uni<Void> freshMac(Mutiny.Session s, UUID networkId, Port p, int attempts) {
        String mac = String.format("fa:16:3e:%02x:%02x:%02x", RANDOM.nextInt(256), RANDOM.nextInt(256), RANDOM.nextInt(256));
        return macUsed(s, networkId, mac).flatMap(used -> {
            if (!used) {
                p.macAddress = mac;
                return Uni.createFrom().voidItem();
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(Neutron.conflict("MacAddressGenerationFailure",
                        "Unable to generate unique mac on network " + networkId + "."));
            }
            return freshMac(s, networkId, p, attempts - 1);
        });
    }

    private Uni<Void> macFree(Mutiny.Session s, UUID networkId, String mac) {
        return macUsed(s, networkId, mac).map(used -> {
            if (used) {
                throw Neutron.conflict("MacAddressInUse", "Unable to complete operation for network " + networkId
                        + ". The mac address " + mac + " is in use.");
            }
            return null;
        }).replaceWithVoid();
    }

    private static Uni<Boolean> macUsed(Mutiny.Session s, UUID networkId, String mac) {
        return s.createNativeQuery("SELECT count(*) FROM port WHERE network_id = :n AND mac_address = :m", Long.class)
                .setParameter("n", networkId).setParameter("m", mac).getSingleResult().map(n -> n > 0);
    }
}
