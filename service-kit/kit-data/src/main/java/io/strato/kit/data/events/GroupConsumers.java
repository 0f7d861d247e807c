package io.strato.kit.data.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.strato.kit.events.EventsConfig;
import io.strato.kit.events.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Starts the service's group consumer at start-up when {@link EventHandler} beans exist; stops it on shutdown. */
@ApplicationScoped
class GroupConsumers {

    private static final Logger LOG = Logger.getLogger(GroupConsumers.class);

    private final EventsConfig config;
    private final Instance<EventHandler> handlers;
    private GroupConsumer loop;

    GroupConsumers(EventsConfig config, Instance<EventHandler> handlers) {
        this.config = config;
        this.handlers = handlers;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.consumer().enabled()) {
            LOG.info("event consumers disabled (strato.events.consumer.enabled=false)");
            return;
        }
        var hs = handlers.stream().toList();
        if (!hs.isEmpty()) {
            String client = config.group() + "-" + UUID.randomUUID();
            loop = new GroupConsumer(config, hs, () -> KafkaClients.consumer(config, config.group(), client));
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
