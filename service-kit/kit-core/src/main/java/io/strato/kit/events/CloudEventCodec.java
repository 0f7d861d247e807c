package io.strato.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * CloudEvents 1.0 structured JSON mode, as Strato puts events on Kafka: the record value is the whole
 * envelope ({@code specversion, id, source, type, subject, time, datacontenttype, data}) and the
 * record carries the header {@code content-type: application/cloudevents+json}.
 */
public final class CloudEventCodec {

    /** Value of the Kafka {@code content-type} header of a structured-mode record. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CloudEventCodec() {
    }

    /** Serialises one event; {@code dataJson} must be a JSON object, written inline as the {@code data} member. */
    public static byte[] encode(UUID id, String type, String source, String subject, OffsetDateTime time,
            String dataJson) {
        JsonNode data;
        try {
            data = MAPPER.readTree(dataJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("event data is not JSON: " + e.getMessage(), e);
        }
        return encode(id, type, source, subject, time, data);
    }

    /** Serialises one event with {@code data} written inline. */
    public static byte[] encode(UUID id, String type, String source, String subject, OffsetDateTime time,
            JsonNode data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(data))
                .build();
        return FORMAT.serialize(event);
    }

    /**
     * The Kafka record of one event, as Strato sends them: key = {@code subject} (so one subject's events
     * stay in order), value = the structured-mode envelope, header {@code content-type}.
     */
    public static ProducerRecord<String, byte[]> record(String topic, UUID id, String type, String source,
            String subject, OffsetDateTime time, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event data must be a JSON object");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject,
                encode(id, type, source, subject, time, data));
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Reads a structured-mode CloudEvent.
     *
     * @throws MalformedEvent if the bytes are not a CloudEvent Strato can use (no UUID id, no JSON object data)
     */
    public static StratoEvent decode(byte[] value) {
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
                data = MAPPER.createObjectNode();
            } else if (event.getData() instanceof JsonCloudEventData json) {
                data = json.getNode();
            } else {
                data = MAPPER.readTree(event.getData().toBytes());
            }
        } catch (IOException e) {
            throw new MalformedEvent("event " + id + " data is not JSON: " + e.getMessage());
        }
        return new StratoEvent(id, event.getType(), event.getSource().toString(), event.getSubject(),
                event.getTime(), data);
    }

    /** A record that cannot be read as a Strato event; it is logged and skipped, never retried. */
    public static final class MalformedEvent extends RuntimeException {
        public MalformedEvent(String message) {
            super(message);
        }
    }
}
