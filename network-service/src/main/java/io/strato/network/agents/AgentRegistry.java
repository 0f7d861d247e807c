package io.strato.network.agents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.config.NetworkConfig;
import io.strato.network.ports.HostLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The network agents, by host, from their heartbeats: an agent is alive while its last heartbeat is younger than
 * the down time ({@code strato.network.agent-down-time}, Neutron's {@code agent_down_time}, 75 s: the agents beat
 * every 10 s). The agents API and port binding read liveness from here, so they agree.
 */
@ApplicationScoped
public class AgentRegistry implements HostLiveness {

    private final Duration downTime;

    AgentRegistry(NetworkConfig config) {
        this.downTime = config.agentDownTime();
    }

    /**
     * Records a heartbeat (inside the caller's transaction). A heartbeat after a silence longer than the down time
     * marks a (re)start, Neutron's {@code started_at}: the agents send no start flag. An older heartbeat arriving
     * late changes nothing but what it cannot make older.
     */
    public Uni<Void> heartbeat(String host, String tunnelIp, int devices, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO network_agent (host, tunnel_ip, devices, last_heartbeat, started_at) "
                                + "VALUES (:h, :t, :n, :at, :at) ON CONFLICT (host) DO UPDATE SET "
                                + "tunnel_ip = CASE WHEN excluded.last_heartbeat >= network_agent.last_heartbeat "
                                + "THEN excluded.tunnel_ip ELSE network_agent.tunnel_ip END, "
                                + "devices = CASE WHEN excluded.last_heartbeat >= network_agent.last_heartbeat "
                                + "THEN excluded.devices ELSE network_agent.devices END, "
                                + "started_at = CASE WHEN excluded.last_heartbeat > network_agent.last_heartbeat "
                                + "+ make_interval(secs => :d) THEN excluded.last_heartbeat ELSE network_agent.started_at END, "
                                + "last_heartbeat = greatest(network_agent.last_heartbeat, excluded.last_heartbeat)")
                .setParameter("h", host).setParameter("t", tunnelIp).setParameter("n", devices)
                .setParameter("at", at).setParameter("d", (double) downTime.toSeconds()).executeUpdate())
                .replaceWithVoid();
    }

    /** The oldest heartbeat that still counts as alive now. */
    public Instant aliveAfter() {
        return Instant.now().minus(downTime);
    }

    public boolean alive(NetworkAgent agent) {
        return agent.lastHeartbeat.isAfter(aliveAfter());
    }

    @Override
    public Uni<Agent> agentOf(String host) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT CAST(last_heartbeat > :after AS text) FROM network_agent WHERE host = :h", String.class)
                .setParameter("h", host).setParameter("after", aliveAfter().atOffset(ZoneOffset.UTC))
                .getSingleResultOrNull())
                .map(alive -> alive == null ? Agent.NONE : "true".equals(alive) ? Agent.ALIVE : Agent.DEAD);
    }
}
