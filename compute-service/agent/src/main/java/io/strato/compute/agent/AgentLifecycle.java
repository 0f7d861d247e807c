package io.strato.compute.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.strato.compute.agent.config.AgentConfig;
import io.strato.compute.agent.handlers.CommandHandler;
import io.strato.compute.agent.host.Inventory;
import io.strato.compute.agent.host.Reconciler;
import io.strato.compute.agent.host.SimulatedHostRestore;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.LibvirtFailure;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.agent.messaging.CommandConsumer;
import io.strato.compute.agent.messaging.CommandDispatcher;
import io.strato.compute.agent.messaging.ImageEventsConsumer;
import io.strato.kit.events.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import io.strato.compute.agent.messaging.KafkaReportSink;
import io.strato.compute.agent.messaging.ReportSink;
import io.strato.compute.agent.messaging.SerialLanes;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Brings the agent up in order: libvirt (and a simulated host's domains), the first heartbeat, the
 * command consumer, image-deleted events, then heartbeats and reconciliation on a timer; and down in
 * reverse.
 */
@Singleton
public class AgentLifecycle {

    private static final Logger LOG = Logger.getLogger(AgentLifecycle.class);
    /** Commands come 50 at a time; a slow one (a large image download) must not get the agent thrown out of its group. */
    private static final Map<String, String> COMMAND_CONSUMER = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50",
            ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "900000");

    private final AgentConfig config;
    private final LibvirtHost libvirt;
    private final InstanceStore store;
    private final ImageCache images;
    private final SerialLanes lanes;
    private final KafkaReportSink reports;
    private final Inventory inventory;
    private final List<CommandHandler<?>> handlers;
    private volatile boolean running;
    private CommandConsumer commands;
    private ImageEventsConsumer imageEvents;
    private ScheduledExecutorService timers;
    private Reconciler reconciler;
    private long lastHeartbeatNanos; // timer thread only
    private boolean lastHeartbeatSent; // timer thread only

    public AgentLifecycle(AgentConfig config, LibvirtHost libvirt, InstanceStore store, ImageCache images,
            SerialLanes lanes, KafkaReportSink reports, Inventory inventory, Instance<CommandHandler<?>> handlers) {
        this.config = config;
        this.libvirt = libvirt;
        this.store = store;
        this.images = images;
        this.lanes = lanes;
        this.reports = reports;
        this.inventory = inventory;
        this.handlers = handlers.stream().toList();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        String host = config.host();
        try {
            libvirt.connect();
            SimulatedHostRestore.restore(libvirt, store);
        } catch (LibvirtFailure e) {
            LOG.errorf("libvirt at %s is not reachable yet (%s); the agent reports not ready until it is",
                    config.libvirtUri(), e.getMessage());
        }
        images.sweep(store.imagesInUse());
        String bootstrap = config.kafkaBootstrapServers();
        CommandDispatcher dispatcher = new CommandDispatcher(handlers, reports, libvirt, host, () -> running);
        commands = new CommandConsumer(host,
                () -> KafkaClients.consumer(bootstrap, "agent-" + host, "agent-" + host + "-commands", "earliest",
                        COMMAND_CONSUMER),
                Topics.host(host), lanes, dispatcher);
        commands.start();
        if (config.imageEvents()) {
            imageEvents = new ImageEventsConsumer(host,
                    () -> KafkaClients.consumer(bootstrap, "agent-" + host + "-images", "agent-" + host + "-images",
                            "latest", Map.of()),
                    images, store);
            imageEvents.start();
        }
        reconciler = new Reconciler(libvirt, store, lanes, reports, host);
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-timers");
            t.setDaemon(true);
            return t;
        });
        // ticks at most a second apart: a heartbeat that failed (Kafka still creating the topic) goes again
        // at the next tick instead of a whole interval later
        long tick = Math.min(1000, config.heartbeatInterval().toMillis());
        timers.scheduleWithFixedDelay(this::heartbeatIfDue, 0, tick, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::reconcile, config.reconcileInterval().toMillis(),
                config.reconcileInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("agent of host %s (zone %s) on %s, commands from %s, %d handlers", host, config.availabilityZone(),
                config.libvirtUri(), Topics.host(host), handlers.size());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (timers != null) {
            timers.shutdownNow();
        }
        if (commands != null) {
            commands.stop();
        }
        if (imageEvents != null) {
            imageEvents.stop();
        }
    }

    private void heartbeatIfDue() {
        if (!lastHeartbeatSent || System.nanoTime() - lastHeartbeatNanos >= config.heartbeatInterval().toNanos()) {
            lastHeartbeatNanos = System.nanoTime();
            lastHeartbeatSent = heartbeat();
        }
    }

    /** Sends the host's inventory now; returns whether Kafka acknowledged it. */
    public boolean heartbeat() {
        try {
            reports.send(Reports.HOST, config.host(), inventory.heartbeat());
            return true;
        } catch (ReportSink.ReportNotSent | LibvirtFailure e) {
            LOG.warnf("heartbeat not sent: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "heartbeat failed");
        }
        return false;
    }

    /** Runs one reconciliation round now (also what the timer runs) and waits for it. */
    public void reconcile() {
        try {
            reconciler.reconcile().get(config.reconcileInterval().toMillis() * 4 + 10_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("reconciliation round incomplete: %s", e.getMessage());
        }
    }
}
