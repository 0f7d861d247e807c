package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A network agent's report that it made a port: the port goes ACTIVE (and its binding is no longer failed) if it is
 * still bound to that agent's host and up; a report for a port bound elsewhere, or gone, is stale and ignored. Router
 * ports (bound to their router's host) and DHCP ports are reported like any other; floating IP ports are never bound.
 */
@ApplicationScoped
public class PortStatusReports {

    private static final Logger LOG = Logger.getLogger(PortStatusReports.class);

    private final PortRepository ports;
    private final PortQueries queries;
    private final NetworkEvents events;

    PortStatusReports(PortRepository ports, PortQueries queries, NetworkEvents events) {
        this.ports = ports;
        this.queries = queries;
        this.events = events;
    }

    /** Runs inside the caller's transaction (the kit's event handler). */
    public Uni<Void> portUp(UUID portId, String host) {
        return ports.findById(portId, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            if (p == null || !host.equals(p.bindingHostId) || p.floatingIpPort() || !p.adminStateUp
                    || "ACTIVE".equals(p.status) && !HostBindings.BINDING_FAILED.equals(p.bindingVifType)) {
                return Uni.createFrom().voidItem();
            }
            p.status = "ACTIVE";
            if (HostBindings.BINDING_FAILED.equals(p.bindingVifType)) {
                p.bindingVifType = Binding.VIF_TYPE;
            }
            LOG.debugf("port %s is up on %s", portId, host);
            return Panache.getSession().flatMap(s -> s.flush()).chain(() -> queries.details(p))
                    .flatMap(shown -> events.publish("port", "updated", p.id, PortView.of(shown, true)));
        });
    }
}
