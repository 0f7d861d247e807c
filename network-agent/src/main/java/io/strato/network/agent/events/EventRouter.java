package io.strato.network.agent.events;

import io.strato.kit.events.StratoEvent;
import io.strato.network.agent.model.MalformedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Hands each event to the handler of its kind ({@code strato.network.<kind>.<action>.v1}). Unknown kinds
 * are ignored; a malformed one is logged and skipped, never retried.
 */
public final class EventRouter {

    private static final Logger LOG = Logger.getLogger(EventRouter.class);
    private static final String PREFIX = "strato.network.";

    private final Map<String, EventHandler> handlers = new HashMap<>();

    public EventRouter(List<EventHandler> handlers) {
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
    }

    /** Returns whether the state changed. */
    public boolean route(StratoEvent event) {
        String type = event.type();
        if (type == null || !type.startsWith(PREFIX) || !type.endsWith(".v1")) {
            return false;
        }
        String[] parts = type.substring(PREFIX.length(), type.length() - ".v1".length()).split("\\.");
        if (parts.length != 2) {
            return false;
        }
        EventHandler handler = handlers.get(parts[0]);
        if (handler == null) {
            return false;
        }
        if (event.data() == null || !event.data().isObject()) {
            LOG.warnf("skipping %s %s: no data", type, event.id());
            return false;
        }
        try {
            return handler.handle(parts[1], event.data());
        } catch (MalformedResource e) {
            LOG.warnf("skipping %s %s: %s", type, event.id(), e.getMessage());
            return false;
        }
    }
}
