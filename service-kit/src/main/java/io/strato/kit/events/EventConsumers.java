package io.strato.kit.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Starts the group consumer and the broadcast consumer at start-up when beans need them; stops them on shutdown. */
@ApplicationScoped
class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventsConfig config;
    private final Instance<EventHandler> handlers;
    private final Instance<BroadcastListener> listeners;
    private final List<ConsumerLoop> loops = new ArrayList<>();

    EventConsumers(EventsConfig config, Instance<EventHandler> handlers, Instance<BroadcastListener> listeners) {
        this.config = config;
        this.handlers = handlers;
        this.listeners = listeners;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.consumer().enabled()) {
            LOG.info("event consumers disabled (strato.events.consumer.enabled=false)");
            return;
        }
        List<EventHandler> hs = handlers.stream().toList();
        if (!hs.isEmpty()) {
            String client = config.group() + "-" + UUID.randomUUID();
            loops.add(new GroupConsumer(config, hs, () -> KafkaClients.consumer(config, config.group(), client)));
        }
        List<BroadcastListener> ls = listeners.stream().toList();
        if (!ls.isEmpty()) {
            String group = config.group() + ".broadcast." + UUID.randomUUID();
            loops.add(new BroadcastConsumer(ls, () -> KafkaClients.consumer(config, group, group),
                    config.consumer().pollTimeout()));
        }
        loops.forEach(ConsumerLoop::start);
    }

    void stop(@Observes ShutdownEvent ignored) {
        loops.forEach(ConsumerLoop::stop);
        loops.clear();
    }
}
