package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** os-lock-server's lock and unlock, and rebuild (the old guest deleted, the new image spawned on the same host). */
@QuarkusTest
@ServersInfra
class ServerLockRebuildTest extends ServerTestBase {

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    @Test
    void aLockedServerRefusesItsOwnersActionsUntilUnlocked() {
        UUID id = active("locked");
        as(member).body("{\"lock\": null}").post(action(id)).then().statusCode(202);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Instance " + id + " is locked"));
        as(member).delete(SERVERS + "/" + id).then().statusCode(409);
        as(member).get(SERVERS + "/" + id).then().statusCode(200).body("server", not(hasKey("locked")));
        as(reader).body("{\"unlock\": null}").post(action(id)).then().statusCode(403);
        as(member).body("{\"unlock\": null}").post(action(id)).then().statusCode(202);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        as(member).body("{\"lock\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
    }

    @Test
    void anAdminsLockNeedsAnAdminToUnlockButAdminsMayStillAct() {
        UUID id = active("admin-locked");
        as(admin).body("{\"lock\": null}").post(action(id)).then().statusCode(202);
        as(member).body("{\"unlock\": null}").post(action(id)).then().statusCode(403);
        as(admin).body("{\"reboot\": {\"type\": \"HARD\"}}").post(action(id)).then().statusCode(202);
        as(admin).body("{\"unlock\": null}").post(action(id)).then().statusCode(202);
        assertEquals(1, world.longs("SELECT count(*) FROM server WHERE id = cast(? as uuid) AND NOT locked AND locked_by IS NULL",
                id.toString()).get(0)[0]);
    }

    @Test
    void rebuildDeletesTheOldGuestThenSpawnsTheNewImageOnTheSameHost() {
        UUID id = active("old");
        String host = host(id);
        UUID firstSpawn = UUID.fromString(world.command(id, Commands.SPAWN).path("command_id").asText());
        UUID other = world.image("active", 1024, Map.of());
        as(member).body("""
                {"rebuild": {"imageRef": "%s", "name": "new", "adminPass": "s3cret", "metadata": {"k": "v"},
                 "accessIPv6": "0000:0000:0000:0000:0000:babe:220.12.22.2"}}""".formatted(other))
                .post(action(id)).then().statusCode(202)
                .body("server.adminPass", equalTo("s3cret"))
                .body("server.image.id", equalTo(other.toString()))
                .body("server.name", equalTo("new"))
                .body("server.status", equalTo("REBUILD"))
                .body("server.accessIPv6", equalTo("::babe:dc0c:1602"))
                .body("server", not(hasKey("OS-EXT-STS:task_state")));
        world.answer(id, Commands.DELETE, host, true, Reports.SHUTDOWN, null);
        JsonNode spawn = world.awaitCommand(id, Commands.SPAWN, firstSpawn);
        assertEquals(other.toString(), spawn.path("image").path("id").asText());
        assertEquals(host, world.commandTopic(id, Commands.SPAWN).substring("strato.compute.host.".length()));
        assertEquals("REBUILD", status(id), "not ACTIVE before the new guest runs");
        world.answer(id, Commands.SPAWN, host, true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(member).get(SERVERS + "/" + id).then().body("server.metadata", equalTo(Map.of("k", "v")));
        assertEquals(1, world.portsOf(id).size(), "the same port");
    }

    @Test
    void aStoppedServerIsStoppedAgainAfterItsRebuild() {
        UUID id = active("stopped");
        String host = host(id);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        UUID stop = world.answer(id, Commands.STOP, host, true, Reports.SHUTDOWN, null);
        awaitStatus(id, "SHUTOFF");
        UUID firstSpawn = UUID.fromString(world.command(id, Commands.SPAWN).path("command_id").asText());
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(id)).then().statusCode(202)
                .body("server.adminPass", org.hamcrest.Matchers.notNullValue());
        world.answer(id, Commands.DELETE, host, true, Reports.SHUTDOWN, null);
        world.awaitCommand(id, Commands.SPAWN, firstSpawn);
        world.answer(id, Commands.SPAWN, host, true, Reports.RUNNING, null);
        world.awaitCommand(id, Commands.STOP, stop);
        world.answer(id, Commands.STOP, host, true, Reports.SHUTDOWN, null);
        ServerWorld.await("the stop after the rebuild", java.time.Duration.ofSeconds(20), () -> task(id) == null);
        as(member).get(SERVERS + "/" + id).then().body("server.status", equalTo("SHUTOFF"))
                .body("server.'OS-EXT-STS:power_state'", equalTo(Reports.SHUTDOWN));
    }

    @Test
    void aFailedSpawnLeavesTheRebuiltServerInError() {
        UUID id = active("fails");
        String host = host(id);
        UUID firstSpawn = UUID.fromString(world.command(id, Commands.SPAWN).path("command_id").asText());
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.DELETE, host, true, Reports.SHUTDOWN, null);
        world.awaitCommand(id, Commands.SPAWN, firstSpawn);
        world.answer(id, Commands.SPAWN, host, false, Reports.SHUTDOWN, "no disk");
        awaitStatus(id, "ERROR");
    }

    @Test
    void rebuildRefusesBadBodiesBusyAndMissingServers() {
        UUID id = active("refused");
        as(member).body("{\"rebuild\": {}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\", \"flavorRef\": \"1\"}}").post(action(id))
                .then().statusCode(400);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + UUID.randomUUID() + "\"}}").post(action(id)).then().statusCode(400);
        as(reader).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(id)).then().statusCode(403);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(UUID.randomUUID())).then()
                .statusCode(404);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(id)).then().statusCode(409);
        world.answer(id, Commands.STOP, host(id), true, Reports.SHUTDOWN, null);
        awaitStatus(id, "SHUTOFF");
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, Commands.DELETE, host(id), true, Reports.SHUTDOWN, null);
        awaitGone(id);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(action(id)).then().statusCode(404);
    }
}
