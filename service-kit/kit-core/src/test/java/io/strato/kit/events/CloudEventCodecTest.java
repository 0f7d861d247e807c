package io.strato.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void roundTrip() {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        byte[] bytes = CloudEventCodec.encode(id, "strato.identity.project.created.v1", "/identity", "p1", time,
                "{\"name\":\"demo\"}");
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(true, json.contains("\"data\":{\"name\":\"demo\"}"), json);

        StratoEvent e = CloudEventCodec.decode(bytes);
        assertEquals(id, e.id());
        assertEquals("strato.identity.project.created.v1", e.type());
        assertEquals("/identity", e.source());
        assertEquals("p1", e.subject());
        assertEquals(time.toInstant(), e.time().toInstant());
        assertEquals("demo", e.data().path("name").asText());
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThrows(CloudEventCodec.MalformedEvent.class, () -> CloudEventCodec.decode("nope".getBytes()));
        assertThrows(CloudEventCodec.MalformedEvent.class, () -> CloudEventCodec.decode(null));
        byte[] notUuid = ("{\"specversion\":\"1.0\",\"id\":\"42\",\"source\":\"/x\",\"type\":\"t\"}").getBytes();
        assertThrows(CloudEventCodec.MalformedEvent.class, () -> CloudEventCodec.decode(notUuid));
    }
}
