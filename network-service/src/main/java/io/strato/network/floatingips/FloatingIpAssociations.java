package io.strato.network.floatingips;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.ports.PortReleaser;
import io.strato.network.routers.RouterPaths;
import io.strato.network.routers.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Objects;
import java.util.UUID;

/**
 * Associates floating IPs with ports. The rule the issue insists on: a floating IP maps to a port's
 * fixed address only when a router has an interface on that address's subnet and its gateway on the
 * floating IP's network; else Neutron's 404 ExternalGatewayForFloatingIPNotFound. One fixed address
 * has at most one floating IP (the unique index {@code floating_ip_fixed_uq} backs the check).
 */
@ApplicationScoped
public class FloatingIpAssociations implements PortReleaser {
    private final FloatingIpRepository fips;
    private final NetworkEvents events;

    public FloatingIpAssociations(FloatingIpRepository fips, NetworkEvents events) {
        this.fips = fips;
        this.events = events;
    }

    /**
     * Points {@code f} at the port's fixed address (changes the entity; the caller flushes and tells the
     * cloud). Runs in the caller's transaction.
     *
     * @param requestedFixedIp the fixed address asked for, or null for the port's only IPv4 address
     */
    Uni<Void> associate(Caller caller, boolean admin, FloatingIp f, UUID portId, String requestedFixedIp) {
        return Topology.port(portId, false).flatMap(port -> {
            if (port == null || !port.visibleTo(caller, admin)) {
                throw Neutron.notFound("Port", portId);
            }
            if (!admin && !Objects.equals(port.projectId(), f.projectId)) {
                throw FloatingIpRequest.bad("Cannot process floating IP association with Port " + portId
                        + ", since that port is owned by a different tenant");
            }
            if (port.deviceOwner().startsWith("network:")) {
                throw FloatingIpRequest.bad("Port " + portId + " is unable to be assigned a floating IP");
            }
            return Topology.addresses(portId).flatMap(addresses -> {
                Topology.Address fixed = InternalAddress.choose(portId, addresses, requestedFixedIp);
                return RouterPaths.forFloatingIp(portId, fixed.subnetId(), f.floatingNetworkId).flatMap(router -> {
                    return alreadyAssociated(f, portId, fixed.ipAddress()).invoke(() -> {
                        f.portId = portId;
                        f.fixedIpAddress = fixed.ipAddress();
                        f.routerId = router;
                        f.status = "ACTIVE";
                    });
                });
            });
        });
    }

    /** Forgets the association (the caller flushes and tells the cloud). */
    static void disassociate(FloatingIp f) {
        f.portId = null;
        f.fixedIpAddress = null;
        f.routerId = null;
        f.status = "DOWN";
    }

    /**
     * Disassociates every floating IP of a port that is about to be deleted (Neutron's
     * {@code disassociate_floatingips}), inside the port deletion's transaction.
     */
    @Override
    public Uni<Void> releasePort(UUID portId) {
        return fips.find("portId", portId).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(list -> Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(f -> {
                    disassociate(f);
                    f.revisionNumber++;
                    f.updatedAt = StandardAttributes.now();
                    return events.publish("floatingip", "disassociated", f.id, FloatingIpView.of(f, null));
                }).collect().asList())
                .call(() -> Panache.getSession().flatMap(s -> s.flush()))
                .replaceWithVoid();
    }

    private Uni<Void> alreadyAssociated(FloatingIp f, UUID portId, String fixedIp) {
        return fips.find("portId = ?1 and fixedIpAddress = ?2 and id <> ?3", portId, fixedIp, f.id).firstResult()
                .invoke(other -> {
                    if (other != null) {
                        throw Neutron.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                                + f.floatingIpAddress + " (" + f.id + ") with port " + portId + " using fixed IP " + fixedIp
                                + ", as that fixed IP already has a floating IP on external network "
                                + other.floatingNetworkId + ".");
                    }
                })
                .replaceWithVoid();
    }
}
