package io.strato.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as handlers and listeners see it: the CloudEvents 1.0 attributes Strato uses, with the
 * JSON object carried as {@code data}.
 *
 * @param id      CloudEvents {@code id}: unique per event, the key of idempotent consumption
 * @param type    e.g. {@code strato.identity.project.created.v1}
 * @param source  e.g. {@code /identity}
 * @param subject id of the resource the event is about (also the Kafka record key)
 * @param time    when the event was written to the outbox
 * @param data    the event's JSON object
 */
public record StratoEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
}
