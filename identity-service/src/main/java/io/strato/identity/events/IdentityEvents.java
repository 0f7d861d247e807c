package io.strato.identity.events;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * What identity tells the other services: {@code strato.identity.<resource>.<action>.v1} events on the
 * {@code strato.identity} topic, always written through the outbox inside the change's transaction.
 */
@ApplicationScoped
public class IdentityEvents {
    public static final String TOPIC = "strato.identity";

    private final Outbox outbox;

    public IdentityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param resource e.g. "project", "user", "group", "role_assignment"
     * @param action   e.g. "created", "updated", "deleted"
     * @param subject  the resource's id
     * @param data     the event's data (a map of snake_case fields)
     */
    public Uni<Void> publish(String resource, String action, String subject, Map<String, ?> data) {
        return outbox.add(TOPIC, "strato.identity." + resource + "." + action + ".v1", subject, data);
    }
}
