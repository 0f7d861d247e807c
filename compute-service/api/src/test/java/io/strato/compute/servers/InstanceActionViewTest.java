package io.strato.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.compute.api.Microversion;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The keys of an instance action event at the microversions that changed it (2.62 host/hostId, 2.84 details). */
class InstanceActionViewTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static InstanceActionEvent failed() {
        InstanceActionEvent e = new InstanceActionEvent();
        e.id = UUID.randomUUID();
        e.event = "compute__do_build_and_run_instance";
        e.startTime = Instant.now();
        e.finishTime = Instant.now();
        e.result = InstanceActions.ERROR;
        e.host = "h1";
        e.details = "no disk";
        return e;
    }

    private static JsonNode event(boolean details, boolean host, int minor) {
        return JSON.valueToTree(InstanceActionView.event(failed(), details, host, "p", new Microversion(2, minor)));
    }

    @Test
    void adminsSeeTheTracebackAndFrom284TheDetails() {
        JsonNode v21 = event(true, false, 1);
        assertEquals("no disk", v21.get("traceback").asText());
        assertFalse(v21.has("details") || v21.has("hostId") || v21.has("host"));
        JsonNode v284 = event(true, true, 84);
        assertEquals("no disk", v284.get("details").asText());
        assertEquals("no disk", v284.get("traceback").asText());
        assertEquals("h1", v284.get("host").asText());
        assertEquals(ServerViews.hostId("p", "h1"), v284.get("hostId").asText());
    }

    @Test
    void othersSeeTheHostIdOnly() {
        JsonNode v = event(false, false, 84);
        assertTrue(v.has("hostId"));
        assertFalse(v.has("host") || v.has("details") || v.has("traceback"));
    }
}
