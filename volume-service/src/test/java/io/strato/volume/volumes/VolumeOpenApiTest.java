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

    @Test
    void theSnapshotBodiesListTheirFields() throws Exception {
        JsonNode api = openApi();
        Set<String> create = fields(api, "/v3/{project_id}/snapshots", "post", "snapshot");
        assertTrue(create.containsAll(List.of("volume_id", "name", "description", "metadata")), "snapshot create: " + create);
        Set<String> update = fields(api, "/v3/{project_id}/snapshots/{id}", "put", "snapshot");
        assertTrue(update.containsAll(List.of("name", "description")), "snapshot update: " + update);
    }

    @Test
    void theVolumeTypeBodiesListTheirFields() throws Exception {
        JsonNode api = openApi();
        Set<String> create = fields(api, "/v3/{project_id}/types", "post", "volume_type");
        assertTrue(create.containsAll(List.of("name", "description", "is_public", "os-volume-type-access:is_public",
                "extra_specs")), "volume type create: " + create);
        Set<String> update = fields(api, "/v3/{project_id}/types/{id}", "put", "volume_type");
        assertTrue(update.containsAll(List.of("name", "description", "is_public")), "volume type update: " + update);
        JsonNode specs = requestSchema(api, api.path("paths").path("/v3/{project_id}/types/{id}/extra_specs").path("post"));
        assertTrue(specs.path("properties").has("extra_specs"), "extra specs body: " + specs);
    }

    @Test
    void theQosSpecsCreateBodyListsItsFields() throws Exception {
        JsonNode api = openApi();
        Set<String> create = fields(api, "/v3/{project_id}/qos-specs", "post", "qos_specs");
        assertTrue(create.containsAll(List.of("name", "consumer")), "qos specs create: " + create);
    }

    @Test
    void theAttachmentBodiesListTheirFields() throws Exception {
        JsonNode api = openApi();
        Set<String> create = fields(api, "/v3/{project_id}/attachments", "post", "attachment");
        assertTrue(create.containsAll(List.of("volume_uuid", "instance_uuid", "connector", "mode")),
                "attachment create: " + create);
        Set<String> update = fields(api, "/v3/{project_id}/attachments/{id}", "put", "attachment");
        assertTrue(update.contains("connector"), "attachment update: " + update);
    }

    /** The property names of the object under {@code wrapper} in the operation's request body. */
    private static Set<String> fields(JsonNode api, String path, String method, String wrapper) {
        JsonNode body = requestSchema(api, api.path("paths").path(path).path(method));
        JsonNode fields = resolve(api, body.path("properties").path(wrapper));
        Set<String> names = new HashSet<>();
        fields.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
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
