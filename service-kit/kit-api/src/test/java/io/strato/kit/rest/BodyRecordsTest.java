package io.strato.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A typed body hands the API's checks what the client sent: absent stays absent, null stays null, unknown stays. */
class BodyRecordsTest {
    /** As Quarkus configures it: unknown properties of the outer body are ignored. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Thing(@JsonProperty("name") JsonNode name, @JsonProperty("provider:type") JsonNode type,
                 @JsonProperty("inner") Inner inner, @JsonAnySetter Map<String, JsonNode> others) {
        Thing {
            others = others == null ? new LinkedHashMap<>() : others;
        }
    }

    record Inner(@JsonProperty("size") JsonNode size) {
    }

    record Wrapper(@JsonProperty("thing") Thing thing) {
    }

    @Test
    void aBodyComesBackAsTheClientSentIt() throws Exception {
        String json = "{\"name\": 5, \"provider:type\": null, \"inner\": {\"size\": \"big\"}, \"colour\": \"red\","
                + " \"bogus\": null}";
        assertEquals(MAPPER.readTree(json), BodyRecords.json(MAPPER.readValue(json, Thing.class)));
    }

    @Test
    void absentMembersStayAbsent() throws Exception {
        assertEquals(MAPPER.readTree("{\"name\": \"x\"}"),
                BodyRecords.json(MAPPER.readValue("{\"name\": \"x\"}", Thing.class)));
    }

    @Test
    void aWrappedBodyGivesItsAttributes() throws Exception {
        Wrapper body = MAPPER.readValue("{\"thing\": {\"name\": \"a\", \"extra\": [1]}}", Wrapper.class);
        assertEquals(MAPPER.readTree("{\"name\": \"a\", \"extra\": [1]}"), BodyRecords.wrapped(body, Wrapper::thing,
                "thing"));
    }

    @Test
    void aMissingBodyOrWrapperIsAFourHundredThatSaysSo() throws Exception {
        assertEquals("The request body is missing.",
                assertThrows(InvalidInput.class, () -> BodyRecords.json(null)).getMessage());
        assertEquals("The request body is missing.", assertThrows(InvalidInput.class,
                () -> BodyRecords.wrapped(null, Wrapper::thing, "thing")).getMessage());
        Wrapper other = MAPPER.readValue("{\"something\": {}}", Wrapper.class);
        assertEquals("Resource body required: the request body must be {\"thing\": {...}}.", assertThrows(
                InvalidInput.class, () -> BodyRecords.wrapped(other, Wrapper::thing, "thing")).getMessage());
    }
}
