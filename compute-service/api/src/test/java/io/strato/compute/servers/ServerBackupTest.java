package io.strato.compute.servers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** createBackup: Nova's schema and answers, the backup's image record, the backup command and the end of its task. */
@QuarkusTest
@ServersInfra
class ServerBackupTest extends ServerTestBase {
    private final String stub = ConfigProvider.getConfig().getValue("strato-test.stub-url", String.class);
    private final String publicUrl = ConfigProvider.getConfig().getOptionalValue("strato.compute.public-url", String.class)
            .orElse("http://127.0.0.1:8080/compute").replaceAll("/+$", "");

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    private static String backup(String name, String type, String rotation, String metadata) {
        return "{\"createBackup\": {\"name\": \"" + name + "\", \"backup_type\": \"" + type + "\", \"rotation\": " + rotation
                + (metadata == null ? "" : ", \"metadata\": " + metadata) + "}}";
    }

    private JsonNode glanceImage(String imageId) {
        return ServerWorld.read(given().baseUri(stub).get("/_stub/images/" + imageId).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void aBackupIsASnapshotTypedBackupThatTheAgentRotates() {
        UUID id = active("backup");
        String host = host(id);
        String imageId = at(member, 45).body(backup("daily-1", "daily", "2", "{\"backup_type\": \"weekly\", \"k\": \"v\"}"))
                .post(action(id)).then().statusCode(202).extract().path("image_id");
        assertEquals("image_backup", task(id));
        as(member).body(backup("again", "daily", "2", null)).post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'createBackup' instance " + id
                        + " while it is in task_state image_backup"));
        as(member).body("{\"createImage\": {\"name\": \"snap\"}}").post(action(id)).then().statusCode(409);

        JsonNode g = glanceImage(imageId);
        assertEquals("daily-1", g.path("name").asText());
        assertEquals("backup", g.path("image_type").asText());
        assertEquals("daily", g.path("backup_type").asText(), "backup_type is the request's, whatever the metadata says");
        assertEquals("v", g.path("k").asText());
        assertEquals(id.toString(), g.path("instance_uuid").asText());
        assertEquals("qcow2", g.path("disk_format").asText(), "a backup starts with its image's formats");
        assertEquals("bare", g.path("container_format").asText());

        JsonNode cmd = world.awaitCommand(id, Commands.BACKUP, null);
        assertEquals(imageId, cmd.path("image_id").asText());
        assertEquals("daily", cmd.path("backup_type").asText());
        assertEquals(2, cmd.path("rotation").asInt());
        assertEquals("bare", cmd.path("container_format").asText());
        world.answer(id, Commands.BACKUP, host, true, Reports.RUNNING, "rotation 2: 0 older backup(s) deleted");
        ServerWorld.await("the backup task to end", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
        assertNull(world.serverColumn(id, "snapshot_image_id"));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then()
                .body("instanceActions.action", hasItem("createBackup"));
    }

    @Test
    void beforeTwoFortyFiveTheLocationIsTheProxysImageAndOnlyWithARotation() {
        UUID id = active("located");
        Response r = as(member).body(backup("b1", "weekly", "\"1\"", null)).post(action(id));
        r.then().statusCode(202).body(equalTo(""));
        String location = r.getHeader("Location");
        assertEquals(publicUrl + "/v2.1/images/", location.substring(0, location.lastIndexOf('/') + 1));
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        assertEquals("weekly", glanceImage(imageId).path("backup_type").asText());
        world.answer(id, Commands.BACKUP, host(id), false, Reports.RUNNING, "Snapshot failed: disk full");
        ServerWorld.await("the backup task to end", Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));

        Response zero = at(member, 44).body(backup("b0", "weekly", "0", null)).post(action(id));
        zero.then().statusCode(202);
        assertNull(zero.getHeader("Location"), "rotation 0: no Location");
    }

    @Test
    void badBodiesAre400sAndReadersAre403s() {
        UUID id = active("bad");
        for (String body : new String[] {"{\"createBackup\": {\"name\": \"n\", \"rotation\": 1}}",
                "{\"createBackup\": {\"name\": \"n\", \"backup_type\": \"daily\"}}",
                "{\"createBackup\": {\"backup_type\": \"daily\", \"rotation\": 1}}", backup("n", "daily", "-1", null),
                backup("n", "daily", "\"x\"", null), backup("n", "daily", "1.5", null),
                "{\"createBackup\": {\"name\": \"n\", \"backup_type\": 5, \"rotation\": 1}}",
                backup("n", "daily", "1", "{\"\": \"x\"}"), backup("", "daily", "1", null), "{\"createBackup\": null}",
                "{\"createBackup\": {\"name\": \"n\", \"backup_type\": \"d\", \"rotation\": 1, \"x\": 1}}"}) {
            as(member).body(body).post(action(id)).then().statusCode(400).body("badRequest.code", equalTo(400));
        }
        assertNull(task(id));
        as(reader).body(backup("r", "daily", "1", null)).post(action(id)).then().statusCode(403)
                .body("forbidden.code", equalTo(403));
        as(member).body(backup("gone", "daily", "1", null)).post(action(UUID.randomUUID())).then().statusCode(404);
    }
}
