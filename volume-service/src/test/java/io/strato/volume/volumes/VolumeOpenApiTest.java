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

/**
 * /q/openapi describes the volume API's request bodies and answers with their Cinder field names (typed bodies and
 * view records, not a String or a Map).
 */
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

    @Test
    void theActionAndKeyBodiesListTheirFields() throws Exception {
        JsonNode api = openApi();
        Set<String> actions = names(requestSchema(api, api.path("paths").path("/v3/{project_id}/volumes/{id}/action").path("post")));
        assertTrue(actions.containsAll(List.of("os-extend", "os-reset_status", "os-retype", "os-set_bootable", "os-reserve",
                "os-initialize_connection", "os-attach", "os-detach")), "volume actions: " + actions);
        Set<String> complete = names(requestSchema(api, api.path("paths").path("/v3/{project_id}/attachments/{id}/action").path("post")));
        assertTrue(complete.contains("os-complete"), "attachment actions: " + complete);
        Set<String> unset = names(requestSchema(api, api.path("paths").path("/v3/{project_id}/qos-specs/{id}/delete_keys").path("put")));
        assertTrue(unset.contains("keys"), "qos unset: " + unset);
        Set<String> quota = names(requestSchema(api, api.path("paths").path("/v3/{project_id}/os-quota-sets/{target}").path("put")));
        assertTrue(quota.contains("quota_set"), "quota update: " + quota);
        Set<String> metadata = names(requestSchema(api, api.path("paths").path("/v3/{project_id}/{collection}/{id}/metadata").path("post")));
        assertTrue(metadata.contains("metadata"), "metadata: " + metadata);
    }

    @Test
    void theVolumeViewsListCindersKeys() throws Exception {
        JsonNode api = openApi();
        Set<String> one = responseFields(api, "/v3/{project_id}/volumes/{id}", "get", "volume");
        assertTrue(one.containsAll(List.of("id", "name", "size", "status", "volume_type", "bootable", "attachments",
                "os-vol-tenant-attr:tenant_id", "os-vol-host-attr:host", "volume_image_metadata", "links")),
                "volume show: " + one);
        assertFalse(one.contains("tenant_id") || one.contains("volume_image_metadata_") || one.contains("host"),
                "the view keeps Cinder's spelling: " + one);
        JsonNode detail = responseSchema(api, api.path("paths").path("/v3/{project_id}/volumes/detail").path("get"));
        assertTrue(names(detail).containsAll(List.of("volumes", "volumes_links")), "volume detail list: " + names(detail));
        JsonNode brief = responseSchema(api, api.path("paths").path("/v3/{project_id}/volumes").path("get"));
        Set<String> briefItem = names(resolve(api, resolve(api, brief.path("properties").path("volumes")).path("items")));
        assertTrue(briefItem.containsAll(List.of("id", "name", "links")), "volume brief: " + briefItem);
        Set<String> attached = names(resolve(api, resolve(api, resolve(api,
                responseSchema(api, api.path("paths").path("/v3/{project_id}/volumes/{id}").path("get"))
                        .path("properties").path("volume")).path("properties").path("attachments")).path("items")));
        assertTrue(attached.containsAll(List.of("attachment_id", "server_id", "host_name", "device", "attached_at")),
                "a volume's attachment: " + attached);
    }

    @Test
    void theOtherViewsListCindersKeys() throws Exception {
        JsonNode api = openApi();
        Set<String> snapshot = responseFields(api, "/v3/{project_id}/snapshots/{id}", "get", "snapshot");
        assertTrue(snapshot.containsAll(List.of("volume_id", "os-extended-snapshot-attributes:progress", "metadata")),
                "snapshot: " + snapshot);
        Set<String> type = responseFields(api, "/v3/{project_id}/types/{id}", "get", "volume_type");
        assertTrue(type.containsAll(List.of("is_public", "os-volume-type-access:is_public", "extra_specs", "qos_specs_id")),
                "volume type: " + type);
        Set<String> qos = responseFields(api, "/v3/{project_id}/qos-specs/{id}", "get", "qos_specs");
        assertTrue(qos.containsAll(List.of("id", "name", "consumer", "specs")), "qos specs: " + qos);
        Set<String> attachment = responseFields(api, "/v3/{project_id}/attachments/{id}", "get", "attachment");
        assertTrue(attachment.containsAll(List.of("instance", "volume_id", "attach_mode", "attached_at", "detached_at",
                "connection_info")), "attachment: " + attachment);
        Set<String> absolute = names(resolve(api, resolve(api, responseSchema(api,
                api.path("paths").path("/v3/{project_id}/limits").path("get")).path("properties").path("limits"))
                .path("properties").path("absolute")));
        assertTrue(absolute.containsAll(List.of("maxTotalVolumes", "maxTotalVolumeGigabytes", "totalGigabytesUsed")),
                "absolute limits: " + absolute);
        Set<String> quota = responseFields(api, "/v3/{project_id}/os-quota-sets/{target}/defaults", "get", "quota_set");
        assertTrue(quota.containsAll(List.of("id", "volumes", "gigabytes", "snapshots", "backup_gigabytes",
                "per_volume_gigabytes")), "quota set: " + quota);
        Set<String> pool = names(resolve(api, resolve(api, responseSchema(api,
                api.path("paths").path("/v3/{project_id}/scheduler-stats/get_pools").path("get")).path("properties").path("pools"))
                .path("items")));
        assertTrue(pool.containsAll(List.of("name", "capabilities")), "pool: " + pool);
    }

    @Test
    void theCreatesAnswersAreDescribedToo() throws Exception {
        JsonNode api = openApi();
        Set<String> volume = names(resolve(api, anyResponseSchema(api, api.path("paths").path("/v3/{project_id}/volumes")
                .path("post")).path("properties").path("volume")));
        assertTrue(volume.containsAll(List.of("id", "status", "size", "os-vol-tenant-attr:tenant_id")), "volume create: " + volume);
        Set<String> snapshot = names(resolve(api, anyResponseSchema(api, api.path("paths").path("/v3/{project_id}/snapshots")
                .path("post")).path("properties").path("snapshot")));
        assertTrue(snapshot.containsAll(List.of("id", "status", "volume_id")), "snapshot create: " + snapshot);
    }

    /** The schema of the operation's first response with a JSON body (a create answers 202), resolved. */
    private static JsonNode anyResponseSchema(JsonNode api, JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            JsonNode content = response.path("content");
            if (content.isObject() && content.size() > 0) {
                return resolve(api, content.elements().next().path("schema"));
            }
        }
        throw new AssertionError("the operation has no response body: " + operation);
    }

    /** The property names of the object under {@code wrapper} in the operation's 200 response. */
    private static Set<String> responseFields(JsonNode api, String path, String method, String wrapper) {
        JsonNode body = responseSchema(api, api.path("paths").path(path).path(method));
        return names(resolve(api, body.path("properties").path(wrapper)));
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema of the operation's JSON 200 response, resolved. */
    private static JsonNode responseSchema(JsonNode api, JsonNode operation) {
        JsonNode content = operation.path("responses").path("200").path("content");
        assertTrue(content.isObject() && content.size() > 0, "the operation has a 200 body: " + operation);
        return resolve(api, content.elements().next().path("schema"));
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
