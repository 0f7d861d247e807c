package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.events.NetworkEvents;
import io.strato.network.networks.NetworkReleaser;
import io.strato.network.subnets.SubnetReleaser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The network agents' DHCP ports ({@code device_owner network:dhcp}) never keep a network or a subnet in use, as in
 * Neutron: they are deleted with their network, and lose their address on a deleted subnet (the whole port when
 * that was its only address). Each change is published, so the agents stop serving it.
 */
@ApplicationScoped
public class DhcpPortRelease implements NetworkReleaser, SubnetReleaser {

    static final String DHCP_OWNER = "network:dhcp";

    private final PortRepository ports;
    private final PortDeletes deletes;
    private final PortQueries queries;
    private final NetworkEvents events;

    DhcpPortRelease(PortRepository ports, PortDeletes deletes, PortQueries queries, NetworkEvents events) {
        this.ports = ports;
        this.deletes = deletes;
        this.queries = queries;
        this.events = events;
    }

    @Override
    public Uni<Void> releaseNetwork(UUID networkId) {
        return ports.list("networkId = ?1 and deviceOwner = ?2", networkId, DHCP_OWNER)
                .flatMap(found -> Panache.getSession().flatMap(s -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Port p : found) {
                        chain = chain.chain(() -> deletes.remove(s, p));
                    }
                    return chain;
                }));
    }

    @Override
    public Uni<Void> releaseSubnet(UUID subnetId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT p.id FROM port p JOIN ip_allocation a ON a.port_id = p.id "
                                + "WHERE a.subnet_id = :s AND p.device_owner = :o", UUID.class)
                .setParameter("s", subnetId).setParameter("o", DHCP_OWNER).getResultList()
                .flatMap(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> release(s, id, subnetId));
                    }
                    return chain;
                }));
    }

    private Uni<Void> release(org.hibernate.reactive.mutiny.Mutiny.Session s, UUID portId, UUID subnetId) {
        return s.createNativeQuery("SELECT count(*) FROM ip_allocation WHERE port_id = :p AND subnet_id <> :s", Long.class)
                .setParameter("p", portId).setParameter("s", subnetId).getSingleResult()
                .flatMap(others -> ports.findById(portId).flatMap(p -> {
                    if (others == 0) {
                        return deletes.remove(s, p);
                    }
                    return s.createNativeQuery("DELETE FROM ip_allocation WHERE port_id = :p AND subnet_id = :s")
                            .setParameter("p", portId).setParameter("s", subnetId).executeUpdate()
                            .chain(s::flush)
                            .chain(() -> queries.details(p))
                            .flatMap(shown -> events.publish("port", "updated", p.id, PortView.of(shown, true)));
                }));
    }

}
