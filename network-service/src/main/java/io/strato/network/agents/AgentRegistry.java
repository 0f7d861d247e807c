package io.strato.network.agents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.network.ports.HostLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The network agents, by host, from their heartbeats: an agent is alive while its last heartbeat is younger than
 * the down time (Neutron's {@code agent_down_time}, 75 s: the agents beat every 10 s).
 */
@ApplicationScoped
public class AgentRegistry implements HostLiveness {

    private final Duration downTime;

    AgentRegistry(@ConfigProperty(name = "strato.network.agent-down-time", defaultValue = "75s") Duration downTime) {
        this.downTime = downTime;
    }

    /** Records a heartbeat (inside the caller's transaction). */
    public Uni<Void> heartbeat(String host, String tunnelIp, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO network_agent (host, tunnel_ip, last_heartbeat) VALUES (:h, :t, :at) "
                                + "ON CONFLICT (host) DO UPDATE SET tunnel_ip = excluded.tunnel_ip, "
                                + "last_heartbeat = greatest(network_agent.last_heartbeat, excluded.last_heartbeat)")
                .setParameter("h", host).setParameter("t", tunnelIp).setParameter("at", at).executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<Agent> agentOf(String host) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT CAST(last_heartbeat > now() - make_interval(secs => :d) AS text) FROM network_agent "
                                + "WHERE host = :h", String.class)
                .setParameter("h", host).setParameter("d", (double) downTime.toSeconds()).getSingleResultOrNull())
                .map(alive -> alive == null ? Agent.NONE : "true".equals(alive) ? Agent.ALIVE : Agent.DEAD);
    }
}
