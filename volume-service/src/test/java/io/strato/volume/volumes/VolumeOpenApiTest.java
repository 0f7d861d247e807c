package io.strato.volume.volumes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the volume request bodies with their Cinder field names (typed bodies, not a String). */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VolumeOpenApiTest {

    @Test
    void theVolumeCreateBodyListsCindersFields() throws Exception {
        JsonNode api = openApi();
        JsonNode body = requestSchema(api, api.path("paths").path("/v3/{project_id}/volumes").path("post"));
        JsonNode fields = resolve(api, body.path("properties").path("volume"));
        Set<String> names = new HashSet<>();
        fields.path("properties").fieldNames().forEachRemaining(names::add);
        for (String f : List.of("size", "name", "description", "metadata", "volume_type", "availability_zone",
                "imageRef", "snapshot_id", "source_volid")) {
            assertTrue(names.contains(f), "the volume create schema lists " + f + ": " + names);
        }
        assertFalse(names.contains("image_ref"), "imageRef keeps Cinder's spelling: " + names);
    }

    @Test
    void theVolumeUpdateBodyListsItsFields() throws Exception {
        JsonNode api = openApi();
        JsonNode body = requestSchema(api, api.path("paths").path("/v3/{project_id}/volumes/{id}").path("put"));
        JsonNode fields = resolve(api, body.path("properties").path("volume"));
        Set<String> names = new HashSet<>();
        fields.path("properties").fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("name", "description", "metadata")), "the update schema: " + names);
    }

    private static JsonNode openApi() throws Exception {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return new ObjectMapper().readTree(json);
    }

    /** The schema of the operation's JSON request body, resolved. */
    private static JsonNode requestSchema(JsonNode api, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        assertTrue(content.isObject() && content.size() > 0, "the operation has a request body: " + operation);
        return resolve(api, content.elements().next().path("schema"));
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return resolve(api, api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
    }
}
