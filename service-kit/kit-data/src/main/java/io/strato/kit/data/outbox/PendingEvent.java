package io.strato.kit.data.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One locked, unpublished outbox row.
 *
 * @param blocked an earlier unpublished row of the same topic and key is held by another relay (or
 *                waits for its retry), so this one must not be sent yet
 */
record PendingEvent(UUID id, String topic, String key, String type, String source, String subject,
        String payload, OffsetDateTime createdAt, int attempts, boolean blocked) {
}
