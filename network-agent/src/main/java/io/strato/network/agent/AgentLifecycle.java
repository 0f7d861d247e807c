package io.strato.network.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.strato.kit.events.EventsConfig;
import io.strato.kit.events.KafkaClients;
import io.strato.network.agent.config.AgentConfig;
import io.strato.network.agent.events.EventRouter;
import io.strato.network.agent.events.HeartbeatHandler;
import io.strato.network.agent.events.Heartbeats;
import io.strato.network.agent.events.NetworkEventConsumer;
import io.strato.network.agent.events.NetworkEventHandler;
import io.strato.network.agent.events.FloatingIpEventHandler;
import io.strato.network.agent.events.PortEventHandler;
import io.strato.network.agent.events.RouterEventHandler;
import io.strato.network.agent.events.SecurityGroupEventHandler;
import io.strato.network.agent.events.SecurityGroupRuleEventHandler;
import io.strato.network.agent.events.SubnetEventHandler;
import io.strato.network.agent.l2.Peers;
import io.strato.network.agent.reconcile.Reconciler;
import io.strato.network.agent.state.ClusterState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the agent: the reconciler (which resyncs first), the event consumer (this host's own group; its
 * assignment asks for another resync, covering events sent while the agent was away) and the heartbeat.
 */
@ApplicationScoped
public class AgentLifecycle {

    private static final Logger LOG = Logger.getLogger(AgentLifecycle.class);

    private final AgentConfig config;
    private final EventsConfig events;
    private final ClusterState state;
    private final Reconciler reconciler;
    private final Peers peers;
    private final Heartbeats heartbeats;
    private NetworkEventConsumer consumer;
    private ScheduledExecutorService timer;

    AgentLifecycle(AgentConfig config, EventsConfig events, ClusterState state, Reconciler reconciler, Peers peers,
            Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.config = config;
        this.events = events;
        this.state = state;
        this.reconciler = reconciler;
        this.peers = peers;
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (!config.programHost()) {
            LOG.info("strato.network-agent.program-host=false: the agent does not touch this host");
            return;
        }
        LOG.infof("network agent for host %s (tunnel address %s)", config.host(), config.tunnelIp());
        Files.createDirectories(Path.of(config.stateDirectory()));
        reconciler.start();
        EventRouter router = new EventRouter(List.of(new PortEventHandler(state), new NetworkEventHandler(state),
                new SubnetEventHandler(state), new SecurityGroupEventHandler(state),
                new SecurityGroupRuleEventHandler(state), new RouterEventHandler(state), new FloatingIpEventHandler(state),
                new HeartbeatHandler(peers, config.host())));
        String group = "network-agent." + config.host();
        consumer = new NetworkEventConsumer(
                () -> KafkaClients.consumer(events.bootstrapServers(), group, group + "." + ProcessHandle.current().pid(),
                        "latest", java.util.Map.of()),
                List.of(config.eventsTopic(), config.agentTopic()), router, reconciler::requestRun,
                reconciler::requestResync);
        consumer.start();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "network-agent-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.heartbeatInterval().toMillis();
        timer.scheduleAtFixedRate(heartbeats::send, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (consumer != null) {
            consumer.stop();
        }
        reconciler.stop();
    }
}
