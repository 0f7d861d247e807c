package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nova's /servers/{id}/metadata over the server's own metadata, with its validation, quota, lock and state. */
@QuarkusTest
@ServersInfra
class ServerMetadataApiTest extends ServerTestBase {

    private String metadata(UUID id) {
        return SERVERS + "/" + id + "/metadata";
    }

    private UUID activeWith(String name, String metadata) {
        UUID id = createAccepted(name, "\"metadata\": " + metadata);
        world.answer(id, io.strato.compute.protocol.Commands.SPAWN, awaitSpawn(id).host(), true,
                io.strato.compute.protocol.Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        return id;
    }

    private UUID createAccepted(String name, String extra) {
        return UUID.fromString(create(member, body(name, extra)).then().statusCode(202).extract().path("server.id"));
    }

    @Test
    void itemsAreListedMergedReplacedSetAndDeletedOnTheServersOwnMetadata() {
        UUID id = activeWith("meta", "{\"role\": \"web\", \"tier\": \"1\"}");
        as(reader).get(metadata(id)).then().statusCode(200)
                .body("metadata", equalTo(Map.of("role", "web", "tier", "1")));
        as(member).body("{\"metadata\": {\"tier\": \"2\", \"zone:a\": \"x y\"}}").post(metadata(id)).then().statusCode(200)
                .body("metadata", equalTo(Map.of("role", "web", "tier", "2", "zone:a", "x y")));
        as(member).body("{\"metadata\": {}}").post(metadata(id)).then().statusCode(200)
                .body("metadata", equalTo(Map.of("role", "web", "tier", "2", "zone:a", "x y")));
        as(member).body("{\"metadata\": {\"only\": \"this\"}}").put(metadata(id)).then().statusCode(200)
                .body("metadata", equalTo(Map.of("only", "this")));
        as(member).body("{\"meta\": {\"nova\": \"alt\"}}").put(metadata(id) + "/nova").then().statusCode(200)
                .body("meta", equalTo(Map.of("nova", "alt")));
        as(reader).get(metadata(id) + "/nova").then().statusCode(200).body("meta", equalTo(Map.of("nova", "alt")));
        as(member).get(SERVERS + "/" + id).then().body("server.metadata", equalTo(Map.of("only", "this", "nova", "alt")));
        as(member).delete(metadata(id) + "/only").then().statusCode(204);
        as(member).get(metadata(id) + "/only").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Metadata item was not found"));
        as(member).delete(metadata(id) + "/only").then().statusCode(404);
        as(member).get(metadata(id)).then().body("metadata", equalTo(Map.of("nova", "alt")));
        as(member).body("{\"metadata\": {}}").put(metadata(id)).then().statusCode(200).body("metadata", equalTo(Map.of()));
    }

    @Test
    void badBodiesAreRefusedAsNovasSchemaRefusesThem() {
        UUID id = active("bad");
        as(member).body("{\"meta\": {\"key\": \"value\"}}").put(metadata(id) + "/testkey").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        as(member).body("{\"meta\": {\"a\": \"1\", \"b\": \"2\"}}").put(metadata(id) + "/a").then().statusCode(400);
        as(member).body("{\"meta\": {}}").put(metadata(id) + "/a").then().statusCode(400);
        as(member).body("{\"metadata\": {\"\": \"data1\"}}").put(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"\": \"value1\"}}").post(metadata(id)).then().statusCode(400);
        as(member).body("{\"meta\": {\"data\": \"data1\"}}").put(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"" + "k".repeat(256) + "\": \"v\"}}").post(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"k\": \"" + "v".repeat(256) + "\"}}").post(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"k\": 1}}").post(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"a/b\": \"1\"}}").post(metadata(id)).then().statusCode(400);
        as(member).body("{\"metadata\": {\"k\": \"v\"}, \"x\": 1}").post(metadata(id)).then().statusCode(400);
        create(member, body("long-key", "\"metadata\": {\"" + "a".repeat(260) + "\": \"v\"}")).then().statusCode(400);
        as(member).get(metadata(id)).then().body("metadata", equalTo(Map.of()));
    }

    @Test
    void unknownAndOtherProjectsServersAre404AndReadersCannotWrite() {
        UUID id = active("mine");
        UUID missing = UUID.randomUUID();
        as(member).get(metadata(missing)).then().statusCode(404);
        as(member).get(metadata(missing) + "/k").then().statusCode(404);
        as(member).body("{\"metadata\": {\"k\": \"v\"}}").post(metadata(missing)).then().statusCode(404);
        as(member).body("{\"metadata\": {\"k\": \"v\"}}").put(metadata(missing)).then().statusCode(404);
        as(member).body("{\"meta\": {\"k\": \"v\"}}").put(metadata(missing) + "/k").then().statusCode(404);
        as(member).delete(metadata(missing) + "/k").then().statusCode(404);
        String stranger = io.strato.kit.testing.TestIdentity.token(ServerWorld.unique("s"), ServerWorld.unique("p"), "member", "reader");
        as(stranger).get(metadata(id)).then().statusCode(404);
        as(reader).body("{\"metadata\": {\"k\": \"v\"}}").post(metadata(id)).then().statusCode(403);
        as(reader).delete(metadata(id) + "/k").then().statusCode(403);
    }

    @Test
    void theProjectsMetadataItemsQuotaLimitsEveryWayOfSettingMetadata() {
        UUID id = activeWith("quota", "{\"a\": \"1\"}");
        as(admin).body("{\"quota_set\": {\"metadata_items\": 2}}").put("/v2.1/os-quota-sets/" + project).then().statusCode(200);
        as(member).body("{\"metadata\": {\"b\": \"2\"}}").post(metadata(id)).then().statusCode(200);
        as(member).body("{\"metadata\": {\"c\": \"3\"}}").post(metadata(id)).then().statusCode(403)
                .body("forbidden.message", equalTo("Maximum number of metadata items exceeds 2"));
        as(member).body("{\"meta\": {\"c\": \"3\"}}").put(metadata(id) + "/c").then().statusCode(403);
        as(member).body("{\"metadata\": {\"x\": \"1\", \"y\": \"2\", \"z\": \"3\"}}").put(metadata(id)).then().statusCode(403);
        as(member).body("{\"metadata\": {\"x\": \"1\", \"y\": \"2\"}}").put(metadata(id)).then().statusCode(200);
        create(member, body("too-many", "\"metadata\": {\"x\": \"1\", \"y\": \"2\", \"z\": \"3\"}")).then().statusCode(403)
                .body("forbidden.message", equalTo("Maximum number of metadata items exceeds 2"));
        as(member).get(metadata(id)).then().body("metadata", equalTo(Map.of("x", "1", "y", "2")));
    }

    @Test
    void aLockedOrBusyServerRefusesWritesWith409() {
        UUID id = active("locked");
        as(member).body("{\"lock\": null}").post(SERVERS + "/" + id + "/action").then().statusCode(202);
        as(member).body("{\"metadata\": {\"k\": \"v\"}}").post(metadata(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Instance " + id + " is locked"));
        as(admin).body("{\"metadata\": {\"k\": \"v\"}}").post(metadata(id)).then().statusCode(200);
        as(member).delete(metadata(id) + "/k").then().statusCode(409);
        as(member).get(metadata(id) + "/k").then().statusCode(200);

        UUID building = createAccepted("building");
        as(member).body("{\"metadata\": {\"k\": \"v\"}}").put(metadata(building)).then().statusCode(409)
                .body("conflictingRequest.message", startsWith("Cannot 'update metadata' instance " + building
                        + " while it is in vm_state building"));
        as(member).get(metadata(building)).then().statusCode(200);
    }
}
