package io.strato.kit.data.outbox;

import io.strato.kit.events.EventsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Writes events to the transactional outbox ({@code strato_outbox}) inside the CALLER's reactive
 * transaction, so the state change and its event commit or roll back together. The relay publishes
 * committed rows to Kafka afterwards.
 *
 * <pre>{@code
 * @WithTransaction
 * Uni<Project> create(NewProject p) {
 *     return repo.persist(project).call(saved ->
 *         outbox.add("strato.identity", "strato.identity.project.created.v1", saved.id.toString(), view(saved)));
 * }
 * }</pre>
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into strato_outbox"
            + " (id, topic, partition_key, type, source, subject, payload)"
            + " values (:id, :topic, :key, :type, :source, :subject, cast(cast(:payload as text) as jsonb))";

    private static final String NO_TRANSACTION =
            "Outbox.add must run inside a transaction (@WithTransaction or Panache.withTransaction)";

    private final ObjectMapper mapper;
    private final EventsConfig config;

    Outbox(ObjectMapper mapper, EventsConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Adds one event to the current transaction. The Kafka record key is {@code subject}, so the
     * events of one subject stay in order.
     *
     * @param topic   Kafka topic, e.g. {@code strato.identity}
     * @param type    CloudEvents type, e.g. {@code strato.identity.project.created.v1}
     * @param subject id of the resource the event is about
     * @param data    serialised with Jackson; must become a JSON object
     * @return completes when the row is inserted (not when it is published); fails with
     *     {@link IllegalStateException} when no transaction is active and with
     *     {@link IllegalArgumentException} on blank names or data that is not an object
     */
    public Uni<Void> add(String topic, String type, String subject, Object data) {
        String payload;
        try {
            requireText("topic", topic);
            requireText("type", type);
            requireText("subject", subject);
            payload = toJsonObject(data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        UUID id = UUID.randomUUID();
        return Uni.createFrom().deferred(Panache::currentTransaction)
                .onFailure(IllegalStateException.class).transform(e -> new IllegalStateException(NO_TRANSACTION, e))
                .onItem().ifNull().failWith(() -> new IllegalStateException(NO_TRANSACTION))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("topic", topic)
                        .setParameter("key", subject)
                        .setParameter("type", type)
                        .setParameter("source", config.source())
                        .setParameter("subject", subject)
                        .setParameter("payload", payload)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private String toJsonObject(Object data) {
        JsonNode tree = data == null ? mapper.createObjectNode() : mapper.valueToTree(data);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("event data must serialise to a JSON object, got " + tree.getNodeType());
        }
        return tree.toString();
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("event " + name + " must not be blank");
        }
    }
}
