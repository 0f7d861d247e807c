package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Actions on a running server: power, reboot, resize with confirm and revert, console output, drift, delete. */
@QuarkusTest
@ServersInfra
class ServerLifecycleTest extends ServerTestBase {

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    @Test
    void stopAndStartGoThroughTheAgent() {
        UUID id = active("power");
        String host = host(id);
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        assertEquals("powering-off", task(id));
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message",
                        equalTo("Cannot 'stop' instance " + id + " while it is in task_state powering-off"));
        world.answer(id, Commands.STOP, host, true, Reports.SHUTDOWN, null);
        awaitStatus(id, "SHUTOFF");
        as(member).get(SERVERS + "/" + id).then().body("server.'OS-EXT-STS:power_state'", equalTo(Reports.SHUTDOWN));
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message",
                        equalTo("Cannot 'stop' instance " + id + " while it is in vm_state stopped"));
        as(member).body("{\"reboot\": {\"type\": \"SOFT\"}}").post(action(id)).then().statusCode(409);
        as(member).body("{\"os-start\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.START, host, true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(reader).body("{\"os-stop\": null}").post(action(id)).then().statusCode(403);
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions.action", hasItems("create", "stop", "start"));
    }

    @Test
    void rebootShowsRebootUntilTheAgentAnswers() {
        UUID id = active("reboot");
        as(member).body("{\"reboot\": {\"type\": \"HARD\"}}").post(action(id)).then().statusCode(202);
        assertEquals("HARD_REBOOT", status(id));
        JsonNode cmd = world.awaitCommand(id, Commands.REBOOT, null);
        assertTrue(cmd.path("hard").asBoolean());
        world.answer(id, Commands.REBOOT, host(id), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(member).body("{\"reboot\": {\"type\": \"sideways\"}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"reboot\": {}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"frobnicate\": {}}").post(action(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: frobnicate"));
        as(member).body("{\"os-stop\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(member).body("{\"os-stop\": ").post(action(id)).then().statusCode(400);
    }

    @Test
    void anActionTheAgentNeverAnswersIsGivenUp() {
        UUID id = active("silent");
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        world.setServer(id, "deadline = now() - interval '1 second'");
        ServerWorld.await("task cleared", java.time.Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
    }

    @Test
    void resizeThenConfirmKeepsOnlyTheNewFlavorsClaim() {
        UUID id = active("grow");
        String host = host(id);
        String bigger = world.flavor(2, 1024, 2);
        as(member).body("{\"resize\": {\"flavorRef\": \"" + bigger + "\"}}").post(action(id)).then().statusCode(202);
        assertEquals("RESIZE", status(id));
        assertArrayEquals(new long[] {3, 1536, 3}, world.used(host), "old and new flavor held during the resize");
        JsonNode cmd = world.awaitCommand(id, Commands.RESIZE, null);
        assertEquals(bigger, cmd.path("new_flavor").path("id").asText());
        assertEquals(flavor, cmd.path("old_flavor").path("id").asText());
        world.answer(id, Commands.RESIZE, host, true, Reports.RUNNING, null);
        awaitStatus(id, "VERIFY_RESIZE");
        as(member).get(SERVERS + "/" + id).then().body("server.flavor.id", equalTo(bigger));
        as(member).body("{\"confirmResize\": null}").post(action(id)).then().statusCode(204);
        assertEquals("ACTIVE", status(id));
        assertArrayEquals(new long[] {2, 1024, 2}, world.used(host), "only the new flavor is claimed");
        assertArrayEquals(new long[] {2, 1024, 2}, world.allocation(id, host));
        as(member).body("{\"confirmResize\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message",
                        equalTo("Cannot 'confirmResize' instance " + id + " while it is in vm_state active"));
        as(member).body("{\"resize\": {\"flavorRef\": \"" + bigger + "\"}}").post(action(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("When resizing, instances must change flavor!"));
        as(member).body("{\"resize\": {\"flavorRef\": \"nope\"}}").post(action(id)).then().statusCode(400);
    }

    @Test
    void resizeThenRevertGoesBackToTheOldFlavorAndItsClaim() {
        UUID id = active("try-on");
        String host = host(id);
        String bigger = world.flavor(2, 2048, 1);
        as(member).body("{\"resize\": {\"flavorRef\": \"" + bigger + "\"}}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.RESIZE, host, true, Reports.RUNNING, null);
        awaitStatus(id, "VERIFY_RESIZE");
        as(member).body("{\"revertResize\": null}").post(action(id)).then().statusCode(202);
        assertEquals("REVERT_RESIZE", status(id));
        assertArrayEquals(new long[] {1, 512, 1}, world.used(host), "back to the old flavor's claim");
        JsonNode cmd = world.awaitCommand(id, Commands.REVERT_RESIZE, null);
        assertEquals(flavor, cmd.path("old_flavor").path("id").asText());
        world.answer(id, Commands.REVERT_RESIZE, host, true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(member).get(SERVERS + "/" + id).then().body("server.flavor.id", equalTo(flavor));
    }

    @Test
    void aResizeThatDoesNotFitTheHostIsRefusedAndAFailedOneGivesTheClaimBack() {
        UUID id = active("crowded");
        String host = host(id);
        String tooBig = world.flavor(1, 9000, 1);
        as(member).body("{\"resize\": {\"flavorRef\": \"" + tooBig + "\"}}").post(action(id)).then().statusCode(400);
        assertEquals("ACTIVE", status(id));
        String bigger = world.flavor(1, 1024, 1);
        as(member).body("{\"resize\": {\"flavorRef\": \"" + bigger + "\"}}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.RESIZE, host, false, Reports.RUNNING, "no such luck");
        awaitStatus(id, "ACTIVE");
        assertArrayEquals(new long[] {1, 512, 1}, world.used(host));
        as(member).get(SERVERS + "/" + id).then().body("server.flavor.id", equalTo(flavor));
    }

    @Test
    void consoleOutputIsAskedOfTheAgentAndReturned() {
        UUID id = active("chatty");
        String host = host(id);
        Thread agent = new Thread(() -> {
            JsonNode cmd = world.awaitCommand(id, Commands.CONSOLE_OUTPUT, null);
            world.publish(Reports.CONSOLE_OUTPUT, id, new Reports.ConsoleOutput(
                    UUID.fromString(cmd.path("command_id").asText()), id, host, "STRATO-MARKER\n", Instant.now()));
        });
        agent.start();
        as(member).body("{\"os-getConsoleOutput\": {\"length\": 10}}").post(action(id)).then().statusCode(200)
                .body("output", equalTo("STRATO-MARKER\n"));
        assertEquals(10, world.command(id, Commands.CONSOLE_OUTPUT).path("length").asInt());
        as(member).body("{\"os-getConsoleOutput\": {\"length\": -5}}").post(action(id)).then().statusCode(400);
        // an agent that cannot read the console answers at once with a failure: Nova's ConsoleNotAvailable
        UUID asked = UUID.fromString(world.command(id, Commands.CONSOLE_OUTPUT).path("command_id").asText());
        Thread failing = new Thread(() -> {
            JsonNode cmd = world.awaitCommand(id, Commands.CONSOLE_OUTPUT, asked);
            world.publish(Reports.COMMAND_RESULT, id, new Reports.CommandResult(UUID.fromString(cmd.path("command_id").asText()),
                    id, host, Commands.CONSOLE_OUTPUT, false, Reports.RUNNING, "no domain", Instant.now()));
        });
        failing.start();
        long started = System.nanoTime();
        as(member).body("{\"os-getConsoleOutput\": {}}").post(action(id)).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Guest does not have a console available."));
        assertTrue(System.nanoTime() - started < 9_000_000_000L, "answered without waiting out the timeout");
        UUID building = createAccepted("not-yet");
        as(member).body("{\"os-getConsoleOutput\": {}}").post(action(building)).then().statusCode(409);
    }

    @Test
    void driftReportedByTheAgentChangesTheServerAsNovasSyncDoes() {
        UUID id = active("drifter");
        String host = host(id);
        world.publish(Reports.SERVER_STATE, id, new Reports.ServerState(id, host, Reports.SHUTDOWN, true, Instant.now()));
        awaitStatus(id, "SHUTOFF");
        // running again while stopped: stopped again through the agent
        world.publish(Reports.SERVER_STATE, id, new Reports.ServerState(id, host, Reports.RUNNING, true, Instant.now()));
        world.awaitCommand(id, Commands.STOP, null);
        world.answer(id, Commands.STOP, host, true, Reports.SHUTDOWN, null);
        ServerWorld.await("stop finished", java.time.Duration.ofSeconds(20), () -> task(id) == null);
        // vanished: power NOSTATE, vm_state kept
        world.publish(Reports.SERVER_STATE, id, new Reports.ServerState(id, host, Reports.NOSTATE, false, Instant.now()));
        ServerWorld.await("power NOSTATE", java.time.Duration.ofSeconds(20),
                () -> "0".equals(world.serverColumn(id, "power_state")));
        assertEquals("SHUTOFF", status(id));
        // a report from another host is not about this server
        world.publish(Reports.SERVER_STATE, id, new Reports.ServerState(id, "elsewhere", Reports.RUNNING, true, Instant.now()));
    }

    @Test
    void deleteWaitsForTheAgentThenRemovesPortsClaimAndRow() {
        UUID id = active("goner");
        String host = host(id);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        as(member).get(SERVERS + "/" + id).then().statusCode(200).body("server.'OS-EXT-STS:task_state'", equalTo("deleting"));
        assertEquals(1, world.portsOf(id).size(), "ports stay until the domain is gone");
        world.answer(id, Commands.DELETE, host, true, Reports.NOSTATE, null);
        awaitGone(id);
        assertTrue(world.portsOf(id).isEmpty());
        assertEquals(0, world.allocations(id));
        assertArrayEquals(new long[3], world.used(host));
        assertEquals(1, world.longs("SELECT count(*) FROM strato_outbox WHERE subject = ? AND type = ?", id.toString(),
                "strato.compute.server.deleted.v1").get(0)[0]);
        as(member).delete(SERVERS + "/" + id).then().statusCode(404);
    }
}
