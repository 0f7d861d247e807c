package io.strato.compute.agent.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.strato.compute.agent.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * CloudEvents 1.0 structured JSON mode exactly as the service kit's {@code CloudEventCodec} writes and
 * reads it (same library, same attributes, header {@code content-type: application/cloudevents+json}),
 * so compute-service's kit consumer takes the agent's reports like any other event. The agent does not
 * depend on the kit (it has no database); this class is the contract's other half.
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final JsonFormat FORMAT = new JsonFormat();

    private EventCodec() {
    }

    /** A received event: its id, type, subject and JSON data. */
    public record Envelope(UUID id, String type, String subject, JsonNode data) {
    }

    /** A record that is not a Strato CloudEvent; logged and skipped. */
    public static final class MalformedEvent extends RuntimeException {
        public MalformedEvent(String message) {
            super(message);
        }
    }

    /** The Kafka record of one event: key = subject, value = the envelope, content-type header. */
    public static ProducerRecord<String, byte[]> record(String topic, UUID id, String type, String source,
            String subject, OffsetDateTime time, Object data) {
        JsonNode json = Json.MAPPER.valueToTree(data);
        if (!json.isObject()) {
            throw new IllegalArgumentException("event data must be a JSON object");
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(json))
                .build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, FORMAT.serialize(event));
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static Envelope decode(byte[] value) {
        if (value == null) {
            throw new MalformedEvent("empty record value");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedEvent("not a CloudEvents JSON envelope: " + e.getMessage());
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("event id is not a UUID: " + event.getId());
        }
        JsonNode data;
        try {
            if (event.getData() == null) {
                data = Json.MAPPER.createObjectNode();
            } else if (event.getData() instanceof JsonCloudEventData json) {
                data = json.getNode();
            } else {
                data = Json.MAPPER.readTree(event.getData().toBytes());
            }
        } catch (IOException e) {
            throw new MalformedEvent("event " + id + " data is not JSON: " + e.getMessage());
        }
        return new Envelope(id, event.getType(), event.getSubject(), data);
    }
}
