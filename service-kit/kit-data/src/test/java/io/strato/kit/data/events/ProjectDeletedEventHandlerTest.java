package io.strato.kit.data.events;

import io.strato.kit.events.StratoEvent;
import io.strato.kit.events.CloudEventCodec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * identity's project-deleted event, as its outbox relay puts it on Kafka, reaches a service's deletion as
 * the bare project id; what could wedge the consumer (no id, NUL, an overlong id) never does.
 */
class ProjectDeletedEventHandlerTest {

    /** A service's handler that only records the projects it was asked to delete. */
    private static final class Recording extends ProjectDeletedEventHandler {
        final List<String> deleted = new ArrayList<>();

        @Override
        protected Uni<Void> projectDeleted(String projectId) {
            deleted.add(projectId);
            return Uni.createFrom().voidItem();
        }
    }

    private static final String TYPE = ProjectDeletedEventHandler.TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recording handler = new Recording();

    @Test
    void identitysEventHandsTheProjectIdToTheService() {
        String project = UUID.randomUUID().toString().replace("-", "");
        handle(identityEvent(TYPE, project, "{\"id\": \"" + project + "\", \"name\": \"demo\","
                + " \"domain_id\": \"default\", \"enabled\": true}"));
        assertEquals(List.of(project), handler.deleted);
        assertEquals("strato.identity", handler.topic());
        assertTrue(handler.accepts("strato.identity.project.deleted.v1"));
    }

    @Test
    void theSubjectNamesTheProjectWhenTheDataHasNoStringId() {
        handle(identityEvent(TYPE, "p-subject", "{\"name\": \"demo\"}"));
        handle(identityEvent(TYPE, "p-nested", "{\"id\": {\"nested\": \"p-other\"}}"));
        handle(identityEvent(TYPE, "p-array", "[\"p-other\"]"));
        assertEquals(List.of("p-subject", "p-nested", "p-array"), handler.deleted);
    }

    @Test
    void anIdOfTheColumnsFullWidthIsUsable() {
        String widest = "p".repeat(ProjectDeletedEventHandler.MAX_PROJECT_ID);
        handle(identityEvent(TYPE, widest, "{\"id\": \"" + widest + "\"}"));
        assertEquals(List.of(widest), handler.deleted);
    }

    @Test
    void anEventNamingNoProjectIsSkipped() {
        handle(identityEvent(TYPE, null, "{\"name\": \"demo\"}"));
        handle(identityEvent(TYPE, null, "{}"));
        handle(identityEvent(TYPE, null, "{\"id\": null}"));
        handle(identityEvent(TYPE, "", "{\"id\": \"\"}"));
        handle(identityEvent(TYPE, " \t", "{\"id\": \"   \"}"));
        handle(identityEvent(TYPE, null, "{\"id\": \"" + "p".repeat(65) + "\"}"));
        assertEquals(List.of(), handler.deleted);
    }

    @Test
    void controlCharactersInTheIdAreSkippedNotHandedOn() throws Exception {
        for (String bad : List.of("p-\u0000", "\u0000", "p-\u0001-x", "p\n", "p\t1", "p-\u007f", "p-\u009f")) {
            // a good subject does not rescue a bad data id: the event's own id is wrong, nothing is guessed
            handle(identityEvent(TYPE, "p-good", JSON.writeValueAsString(Map.of("id", bad))));
            handle(identityEvent(TYPE, bad, "{}"));
        }
        assertEquals(List.of(), handler.deleted);
        StratoEvent nul = CloudEventCodec.decode(identityEvent(TYPE, null, "{\"id\": \"p-\\u0000\"}"));
        assertEquals("p-\u0000", nul.data().get("id").asText(), "the NUL survives decoding: the handler must catch it");
        assertTrue(ProjectDeletedEventHandler.projectOf(nul).isEmpty());
    }

    @Test
    void anotherTypeOrVersionIsNotAccepted() {
        for (String type : List.of("strato.identity.project.deleted.v2", "strato.identity.project.created.v1",
                "strato.identity.project.deleted", "strato.identity.domain.deleted.v1")) {
            assertFalse(handler.accepts(type), type);
            handle(identityEvent(type, "p-1", "{\"id\": \"p-1\"}"));
        }
        assertFalse(handler.accepts(null));
        assertEquals(List.of(), handler.deleted);
    }

    /** Malformed JSON never reaches a handler: the codec refuses it, and the group consumer logs and skips such a record. */
    @Test
    void malformedJsonIsAMalformedEvent() {
        String good = new String(identityEvent(TYPE, "p-1", "{\"id\": \"p-1\"}"), StandardCharsets.UTF_8);
        for (String bad : List.of(good.substring(0, good.length() - 2), good.replace("\"data\":{", "\"data\":{{"),
                "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"/identity\"",
                "not json")) {
            assertThrows(CloudEventCodec.MalformedEvent.class,
                    () -> CloudEventCodec.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        handle(good.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("p-1"), handler.deleted, "the intact record still is handled");
    }

    @Test
    void aFailingDeletionFailsTheEventSoItIsRetried() {
        ProjectDeletedEventHandler failing = new ProjectDeletedEventHandler() {
            @Override
            protected Uni<Void> projectDeleted(String projectId) {
                return Uni.createFrom().failure(new IllegalStateException("database down"));
            }
        };
        StratoEvent event = CloudEventCodec.decode(identityEvent(TYPE, "p-1", "{\"id\": \"p-1\"}"));
        assertThrows(IllegalStateException.class, () -> failing.handle(event).await().indefinitely());
    }

    /** As identity's outbox relay writes it: a structured-mode CloudEvent, source /identity. */
    private static byte[] identityEvent(String type, String subject, String dataJson) {
        return CloudEventCodec.encode(UUID.randomUUID(), type, "/identity", subject, OffsetDateTime.now(), dataJson);
    }

    /** Decodes the record as the group consumer does and runs the handler to completion. */
    private void handle(byte[] record) {
        handler.handle(CloudEventCodec.decode(record)).await().indefinitely();
    }
}
