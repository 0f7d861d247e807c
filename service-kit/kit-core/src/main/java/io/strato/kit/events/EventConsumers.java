package io.strato.kit.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the broadcast consumer at start-up when {@link BroadcastListener} beans exist; stops it on
 * shutdown. (The group consumer of database-backed handlers is kit-data's.)
 */
@ApplicationScoped
class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventsConfig config;
    private final Instance<BroadcastListener> listeners;
    private ConsumerLoop loop;

    EventConsumers(EventsConfig config, Instance<BroadcastListener> listeners) {
        this.config = config;
        this.listeners = listeners;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.consumer().enabled()) {
            LOG.info("broadcast consumer disabled (strato.events.consumer.enabled=false)");
            return;
        }
        var ls = listeners.stream().toList();
        if (!ls.isEmpty()) {
            String group = config.group() + ".broadcast." + UUID.randomUUID();
            loop = new BroadcastConsumer(ls, () -> KafkaClients.consumer(config, group, group),
                    config.consumer().pollTimeout());
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }
}
