package io.strato.compute.servers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * createImage: Nova's checks and answers, the image record compute-service creates in image-service with the
 * caller's token, the snapshot command, and the end of the task when the agent answers (or does not).
 */
@QuarkusTest
@ServersInfra
class ServerSnapshotTest extends ServerTestBase {
    private final String stub = ConfigProvider.getConfig().getValue("strato-test.stub-url", String.class);

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    private static String createImage(String name, String metadata) {
        return "{\"createImage\": {\"name\": \"" + name + "\"" + (metadata == null ? "" : ", \"metadata\": " + metadata) + "}}";
    }

    /** The image as the stub image-service holds it, or null when it has none of that id (deleted). */
    private JsonNode glanceImage(String imageId) {
        var r = given().baseUri(stub).get("/_stub/images/" + imageId);
        return r.statusCode() == 404 ? null : ServerWorld.read(r.then().statusCode(200).extract().asString());
    }

    private JsonNode creator(String imageId) {
        return ServerWorld.read(given().baseUri(stub).get("/_stub/image-creators/" + imageId).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theImageInheritsFromTheServersImageAndTheAgentsUploadEndsTheTask() {
        image = world.image("active", 1024, Map.of("hw_architecture", "x86_64", "min_ram", "128",
                "img_signature", "not-inherited", "os_glance_import_task", "not-inherited", "image_type", "base"));
        UUID id = active("snap");
        String host = host(id);
        Response r = at(member, 45).body(createImage("snap \u20a1 one", "{\"image_type\": \"test\", \"k\": \"v\"}"))
                .post(action(id));
        r.then().statusCode(202);
        assertNull(r.getHeader("Location"), "from 2.45 there is no Location");
        String imageId = r.then().extract().path("image_id");

        assertEquals("image_snapshot_pending", task(id));
        as(member).body(createImage("again", null)).post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'createImage' instance " + id
                        + " while it is in task_state image_snapshot_pending"));

        JsonNode g = glanceImage(imageId);
        assertEquals("snap \u20a1 one", g.path("name").asText());
        assertEquals("queued", g.path("status").asText());
        assertEquals("private", g.path("visibility").asText());
        assertEquals(128, g.path("min_ram").asInt(), "min_ram is the server's image's");
        assertEquals(1, g.path("min_disk").asInt(), "min_disk is at least the flavor's root disk");
        assertEquals(id.toString(), g.path("instance_uuid").asText());
        assertEquals(user, g.path("user_id").asText());
        assertEquals("test", g.path("image_type").asText(), "the request's metadata wins");
        assertEquals("v", g.path("k").asText());
        assertEquals(image.toString(), g.path("base_image_ref").asText());
        assertEquals("x86_64", g.path("hw_architecture").asText(), "the image's properties are inherited");
        assertEquals(project, g.path("owner_id").asText());
        assertEquals("snapshot", g.path("image_location").asText());
        assertFalse(g.has("img_signature") || g.has("os_glance_import_task"), g.toString());
        assertTrue(g.path("disk_format").isNull(), "the host sets the format: " + g);
        assertEquals(member, creator(imageId).path("token").asText(), "created with the caller's own token");

        JsonNode cmd = world.awaitCommand(id, Commands.SNAPSHOT, null);
        assertEquals(imageId, cmd.path("image_id").asText());
        assertEquals("bare", cmd.path("container_format").asText());
        assertEquals("strato.compute.host." + host, world.commandTopic(id, Commands.SNAPSHOT));

        world.answer(id, Commands.SNAPSHOT, host, true, Reports.RUNNING, "snapshot uploaded");
        ServerWorld.await("the snapshot task to end", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
        assertNull(world.serverColumn(id, "snapshot_image_id"));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then()
                .body("instanceActions.action", hasItem("createImage"));

        // the compute image proxy finds it by its server (Glance's instance_uuid property)
        as(member).get("/v2.1/images/detail?server=" + id).then().statusCode(200)
                .body("images.id", equalTo(java.util.List.of(imageId)))
                .body("images[0].server.id", equalTo(id.toString()))
                .body("images[0].metadata.image_type", equalTo("test"));
        as(member).get("/v2.1/images?server=http://example.com/v2.1/servers/" + UUID.randomUUID()).then()
                .statusCode(200).body("images.size()", equalTo(0));

        // the snapshot is a standalone image: deleting the server leaves it
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, Commands.DELETE, host, true, Reports.NOSTATE, null);
        awaitGone(id);
        assertEquals(imageId, glanceImage(imageId).path("id").asText());
    }

    @Test
    void beforeTwoFortyFiveTheAnswerIsTheImagesLocationAndAFailureEndsTheTaskToo() {
        UUID id = active("located");
        Response r = as(member).body(createImage("loc", null)).post(action(id));
        r.then().statusCode(202).body(equalTo(""));
        String location = r.getHeader("Location");
        assertTrue(location.startsWith(stub + "/images/"), location);
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(id.toString(), glanceImage(imageId).path("instance_uuid").asText());
        assertEquals("snapshot", glanceImage(imageId).path("image_type").asText());
        at(member, 44).body(createImage("loc", null)).post(action(id)).then().statusCode(409);

        String request = r.getHeader("x-openstack-request-id");
        world.answer(id, Commands.SNAPSHOT, host(id), false, Reports.RUNNING, "Snapshot of instance failed: disk full");
        ServerWorld.await("the snapshot task to end", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
        as(member).get(SERVERS + "/" + id).then().body("server", not(hasKey("fault")));
        at(admin, 84).get(SERVERS + "/" + id + "/os-instance-actions/" + request).then().statusCode(200)
                .body("instanceAction.action", equalTo("createImage"))
                .body("instanceAction.events[0].event", equalTo("compute_snapshot_instance"))
                .body("instanceAction.events[0].result", equalTo("Error"))
                .body("instanceAction.events[0].details", containsString("disk full"));
        // the task is over: another snapshot may start
        at(member, 45).body(createImage("loc2", null)).post(action(id)).then().statusCode(202);
    }

    @Test
    void stoppedAndLockedServersAreSnapshottedOtherStatesConflict() {
        UUID id = active("states");
        String host = host(id);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.STOP, host, true, Reports.SHUTDOWN, null);
        awaitStatus(id, "SHUTOFF");
        as(admin).body("{\"lock\": null}").post(action(id)).then().statusCode(202);
        // Nova does not check the lock for snapshots
        at(member, 45).body(createImage("stopped", null)).post(action(id)).then().statusCode(202);
        world.answer(id, Commands.SNAPSHOT, host, true, Reports.SHUTDOWN, null);
        ServerWorld.await("the snapshot task to end", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("SHUTOFF", status(id));

        as(admin).body("{\"os-resetState\": {\"state\": \"error\"}}").post(action(id)).then().statusCode(202);
        as(member).body(createImage("broken", null)).post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'createImage' instance " + id
                        + " while it is in vm_state error"));
        UUID building = createAccepted("building");
        as(member).body(createImage("building", null)).post(action(building)).then().statusCode(409);
    }

    @Test
    void badRequestsAreNovasFaultsAndCreateNoImage() {
        UUID id = active("bad");
        String tooLong = "x".repeat(256);
        for (String body : new String[] {"{\"createImage\": {}}", "{\"createImage\": null}", "{\"createImage\": []}",
                createImage("", null), createImage(tooLong, null), createImage(" lead", null),
                "{\"createImage\": {\"name\": 5}}", createImage("m", "{\"\": \"\"}"), createImage("m", "{\"k\": 1}"),
                createImage("m", "{\"k\": \"" + tooLong + "\"}"), createImage("m", "[]"),
                "{\"createImage\": {\"name\": \"n\", \"extra\": 1}}"}) {
            as(member).body(body).post(action(id)).then().statusCode(400)
                    .body("badRequest.code", equalTo(400)).body("badRequest.message", not(nullValue()));
        }
        at(member, 45).body(createImage("x".repeat(255), null)).post(action(id)).then().statusCode(202);
        as(member).body(createImage("missing", null)).post(action(UUID.randomUUID())).then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
        as(reader).body(createImage("reader", null)).post(action(id)).then().statusCode(403)
                .body("forbidden.code", equalTo(403));
    }

    @Test
    void theMetadataQuotaCountsUpTo238AndGlanceRefusalsAreNovasFaults() {
        UUID id = active("quota");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 129; i++) {
            many.put("k" + i, "v");
        }
        String metadata = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(many).toString();
        at(member, 38).body(createImage("many", metadata)).post(action(id)).then().statusCode(403)
                .body("forbidden.message", equalTo("Image metadata limit exceeded"));
        assertNull(task(id));

        given().baseUri(stub).post("/_stub/refuse-image-create/413").then().statusCode(204);
        at(member, 39).body(createImage("over", null)).post(action(id)).then().statusCode(403)
                .body("forbidden.message", equalTo("Glance refused the image (stub)"));
        given().baseUri(stub).post("/_stub/refuse-image-create/400").then().statusCode(204);
        at(member, 39).body(createImage("bad", null)).post(action(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("Glance refused the image (stub)"));
        assertNull(task(id), "a refused image starts no snapshot");

        String imageId = at(member, 45).body(createImage("many", metadata)).post(action(id)).then().statusCode(202)
                .extract().path("image_id");
        assertEquals("v", glanceImage(imageId).path("k128").asText());
    }

    @Test
    void anAdminsSnapshotOfAProjectsServerIsSharedWithThatProject() {
        UUID id = active("shared");
        String imageId = at(admin, 45).body(createImage("by-admin", null)).post(action(id)).then().statusCode(202)
                .extract().path("image_id");
        JsonNode g = glanceImage(imageId);
        assertEquals("shared", g.path("visibility").asText());
        assertEquals(project, g.path("instance_owner").asText());
        assertEquals(admin, creator(imageId).path("token").asText());
        assertEquals(project, creator(imageId).path("members").path(0).asText());
    }

    @Test
    void aSnapshotWhoseAgentIsSilentIsGivenUpAndItsImageDeleted() {
        UUID id = active("silent");
        String imageId = at(member, 45).body(createImage("silent", null)).post(action(id)).then().statusCode(202)
                .extract().path("image_id");
        world.awaitCommand(id, Commands.SNAPSHOT, null);
        assertEquals(imageId, world.serverColumn(id, "snapshot_image_id"));
        world.setServer(id, "deadline = now() - interval '1 second'");
        ServerWorld.await("the watchdog to give the snapshot up", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
        ServerWorld.await("the image to be deleted", Duration.ofSeconds(10), () -> glanceImage(imageId) == null);
        assertNull(world.serverColumn(id, "snapshot_image_id"));
    }
}
