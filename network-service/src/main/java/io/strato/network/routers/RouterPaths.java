package io.strato.network.routers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Which router carries a floating IP's traffic: one with an interface on the fixed address's subnet and
 * its gateway on the floating IP's network (Neutron's {@code get_router_for_floatingip}); the router
 * whose interface holds the subnet's gateway address first.
 */
public final class RouterPaths {
    private RouterPaths() {
    }

    /**
     * The router, locked FOR SHARE until the caller's transaction ends: clearing its gateway or removing
     * that interface (which lock it FOR UPDATE, then look for floating IPs using it) waits for this
     * association and then sees it. 404 ExternalGatewayForFloatingIPNotFound when there is none.
     */
    public static Uni<UUID> forFloatingIp(UUID portId, UUID subnetId, UUID externalNetworkId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT r.id FROM router r "
                                + "JOIN router_interface ri ON ri.router_id = r.id AND ri.subnet_id = :sub "
                                + "JOIN subnet s ON s.id = ri.subnet_id "
                                + "LEFT JOIN ip_allocation a ON a.port_id = ri.port_id AND a.subnet_id = ri.subnet_id "
                                + "WHERE r.gw_network_id = :ext "
                                + "ORDER BY (a.ip_address = s.gateway_ip) DESC NULLS LAST, r.created_at, r.id LIMIT 1", UUID.class)
                        .setParameter("sub", subnetId).setParameter("ext", externalNetworkId).getResultList()
                        .flatMap(found -> found.isEmpty() ? Uni.createFrom().<UUID>nullItem()
                                : s.createNativeQuery("SELECT id FROM router WHERE id = :r FOR SHARE", UUID.class)
                                .setParameter("r", found.get(0)).getResultList()
                                // a fresh statement sees what a change we waited for committed
                                .chain(() -> s.createNativeQuery("SELECT count(*) FROM router r JOIN router_interface ri "
                                                + "ON ri.router_id = r.id AND ri.subnet_id = :sub "
                                                + "WHERE r.id = :r AND r.gw_network_id = :ext", Long.class)
                                        .setParameter("sub", subnetId).setParameter("r", found.get(0))
                                        .setParameter("ext", externalNetworkId).getSingleResult())
                                .map(n -> n > 0 ? found.get(0) : null)))
                .onItem().ifNull().failWith(() -> new L3NotFound("ExternalGatewayForFloatingIPNotFound",
                        "External network " + externalNetworkId + " is not reachable from subnet " + subnetId
                                + ".  Therefore, cannot associate Port " + portId + " with a Floating IP."));
    }
}
