package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The ports other features own (router interfaces and gateways, floating IPs): created and deleted
 * inside the CALLER's transaction, with no quota, no security groups and port security off.
 */
@ApplicationScoped
public class DevicePorts {
    private final PortAccess access;
    private final PortAddresses addresses;
    private final PortDeletes deletes;
    private final NetworkEvents events;

    public DevicePorts(PortAccess access, PortAddresses addresses, PortDeletes deletes, NetworkEvents events) {
        this.access = access;
        this.addresses = addresses;
        this.deletes = deletes;
        this.events = events;
    }

    /** Creates a port of {@code deviceOwner} (a router, a floating IP) on the network, with the requested addresses. */
    public Uni<Port> createFor(String projectId, UUID networkId, List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner) {
        return Panache.getSession().flatMap(s -> access.network(networkId).flatMap(net -> {
            Port p = PortCreates.newPort(projectId, net);
            p.deviceId = deviceId == null ? "" : deviceId;
            p.deviceOwner = deviceOwner == null ? "" : deviceOwner;
            p.portSecurityEnabled = false;
            // no agent binds these: a router's ports are up as soon as they exist, a floating IP's port has no status
            p.status = p.deviceOwner.startsWith("network:floatingip") ? "N/A" : "ACTIVE";
            return addresses.assignMac(s, p).chain(() -> s.persist(p)).chain(s::flush)
                    .chain(() -> addresses.spaces(net.id))
                    .flatMap(spaces -> addresses.allocate(s, spaces, fixedIps, p))
                    .flatMap(ips -> events.publish("port", "created", p.id, PortView.of(p, ips, List.of(), true)))
                    .replaceWith(p);
        }));
    }

    /** Deletes such a port and frees its addresses. */
    public Uni<Void> deleteFor(UUID portId) {
        return Panache.getSession().flatMap(s -> access.port(portId).flatMap(p -> deletes.remove(s, p)));
    }

    /** The addresses of a port. Needs a session. */
    public Uni<List<FixedIp>> fixedIps(UUID portId) {
        return Panache.getSession().flatMap(s -> addresses.ofPort(s, portId));
    }
}
