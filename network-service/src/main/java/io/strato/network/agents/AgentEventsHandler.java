package io.strato.network.agents;

import io.smallrye.mutiny.Uni;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.data.events.EventHandler;
import io.strato.network.ports.PortStatusReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The network agents' topic ({@code strato.network.agent}): heartbeats keep the registry (and then go to every
 * {@link HeartbeatListener}, such as the router scheduler), port status reports set ports ACTIVE. A malformed event is logged and skipped (never retried: it would not get better); a heartbeat older
 * than the agent down time is skipped too.
 */
@ApplicationScoped
public class AgentEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(AgentEventsHandler.class);
    static final String HEARTBEAT = "strato.network.agent.heartbeat.v1";
    static final String PORT_STATUS = "strato.network.agent.port_status.v1";

    private final AgentRegistry registry;
    private final PortStatusReports reports;
    private final Instance<HeartbeatListener> listeners;

    AgentEventsHandler(AgentRegistry registry, PortStatusReports reports, Instance<HeartbeatListener> listeners) {
        this.registry = registry;
        this.reports = reports;
        this.listeners = listeners;
    }

    @Override
    public String topic() {
        return "strato.network.agent";
    }

    @Override
    public boolean accepts(String type) {
        return HEARTBEAT.equals(type) || PORT_STATUS.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        var d = event.data();
        String host = d.path("host").asText("");
        if (host.isEmpty()) {
            LOG.warnf("skipping %s %s: no host", event.type(), event.id());
            return Uni.createFrom().voidItem();
        }
        if (HEARTBEAT.equals(event.type())) {
            String tunnel = d.path("tunnel_ip").asText("");
            OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now();
            // a heartbeat from the future (a skewed clock) counts as now
            if (at.isAfter(OffsetDateTime.now())) {
                at = OffsetDateTime.now();
            }
            // older than the down time: its agent is dead by this very heartbeat, which cannot register it (a
            // consumer catching up on an old topic, another cloud's or a test's heartbeats on a shared broker)
            if (at.toInstant().isBefore(registry.aliveAfter())) {
                LOG.debugf("skipping %s %s of %s: older than the agent down time", event.type(), event.id(), host);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> done = registry.heartbeat(host, tunnel, d.path("ports").asInt(0), at);
            for (HeartbeatListener l : listeners) {
                done = done.chain(() -> l.agentBeat(host));
            }
            return done;
        }
        if (!"ACTIVE".equals(d.path("status").asText())) {
            return Uni.createFrom().voidItem();
        }
        UUID port;
        try {
            port = UUID.fromString(d.path("port_id").asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping %s %s: port_id is not a UUID", event.type(), event.id());
            return Uni.createFrom().voidItem();
        }
        return reports.portUp(port, host);
    }
}
