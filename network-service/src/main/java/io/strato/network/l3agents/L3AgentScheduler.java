package io.strato.network.l3agents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.network.agents.AgentRegistry;
import io.strato.network.agents.HeartbeatListener;
import io.strato.network.ports.DevicePorts;
import io.strato.network.ports.Port;
import io.strato.network.routers.Router;
import io.strato.network.routers.RouterHosting;
import io.strato.network.routers.RouterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Neutron's {@code LeastRoutersScheduler} for Strato's one agent per host: a router is scheduled when it gains a port
 * and has no host, to the live agent ({@code admin_state_up}, heartbeat younger than the down time) hosting the
 * fewest routers, ties by host name; with none alive it stays unscheduled, and the next heartbeat of an enabled agent
 * takes it (Neutron's {@code auto_schedule_routers} at an agent's sync). A router stays where it is when its agent
 * dies: nothing moves routers off dead agents (Neutron's default {@code allow_automatic_l3agent_failover=false}).
 *
 * <p>Choices are serialised by a transaction-scoped advisory lock, so that the count of a host's routers a choice
 * reads includes every committed choice before it. A heartbeat takes the routers it schedules with {@code FOR UPDATE
 * SKIP LOCKED}: one a request holds is that request's to schedule, or the next heartbeat's.
 */
@ApplicationScoped
public class L3AgentScheduler implements RouterHosting, HeartbeatListener {

    private static final Logger LOG = Logger.getLogger(L3AgentScheduler.class);
    /** How many unscheduled routers one heartbeat takes at most (the rest go to the next heartbeats, 10 s apart). */
    static final int SWEEP = 50;
    private static final String LOCK = "strato.network.router-scheduling";

    private final AgentRegistry registry;
    private final RouterRepository routers;
    private final DevicePorts ports;

    L3AgentScheduler(AgentRegistry registry, RouterRepository routers, DevicePorts ports) {
        this.registry = registry;
        this.routers = routers;
        this.ports = ports;
    }

    @Override
    public Uni<String> schedule(Router r) {
        if (r.host != null) {
            return Uni.createFrom().item(r.host);
        }
        return leastLoadedHost().flatMap(host -> {
            if (host == null) {
                return Uni.createFrom().nullItem();
            }
            LOG.debugf("router %s scheduled to %s", r.id, host);
            r.host = host;
            r.autoSchedule = true;
            // the ports it already has (while no agent was alive, or an admin had removed it) move there too
            return bindPorts(r).replaceWith(host);
        });
    }

    @Override
    public Uni<Void> bindPorts(Router r) {
        return ports.bindAll(r.id.toString(), Port.ROUTER_OWNERS, r.host).replaceWithVoid();
    }

    /** An enabled agent's heartbeat takes the unscheduled routers that have ports (but those an admin removed). */
    @Override
    public Uni<Void> agentBeat(String host) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT CAST(admin_state_up AS text) FROM network_agent WHERE host = :h", String.class)
                .setParameter("h", host).getSingleResultOrNull()
                .flatMap(enabled -> !"true".equals(enabled) ? Uni.createFrom().item(List.<UUID>of())
                        : s.createNativeQuery("SELECT r.id FROM router r WHERE r.host IS NULL AND r.auto_schedule "
                                        + "AND (r.gw_port_id IS NOT NULL OR EXISTS (SELECT 1 FROM router_interface ri "
                                        + "WHERE ri.router_id = r.id)) ORDER BY r.created_at, r.id LIMIT :n "
                                        + "FOR UPDATE OF r SKIP LOCKED", UUID.class)
                                .setParameter("n", SWEEP).getResultList()))
                .flatMap(ids -> Multi.createFrom().iterable(ids).onItem()
                        .transformToUniAndConcatenate(id -> routers.findById(id).flatMap(r -> {
                            LOG.infof("router %s scheduled to %s at its agent's heartbeat", id, host);
                            r.host = host;
                            return bindPorts(r);
                        }))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<String> leastLoadedHost() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT CAST(pg_advisory_xact_lock(hashtext(:k)) AS text)", String.class)
                .setParameter("k", LOCK).getResultList()
                .chain(() -> s.createNativeQuery("SELECT a.host FROM network_agent a "
                                + "WHERE a.admin_state_up AND a.last_heartbeat > :after "
                                + "ORDER BY (SELECT count(*) FROM router r WHERE r.host = a.host), a.host LIMIT 1", String.class)
                        .setParameter("after", registry.aliveAfter().atOffset(ZoneOffset.UTC))
                        .getSingleResultOrNull()));
    }
}
