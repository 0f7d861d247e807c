package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The create saga's unhappy paths: reschedules, no valid host, deadlines, a flaky network-service. */
@QuarkusTest
@ServersInfra
class ServerSagaTest extends ServerTestBase {

    @Test
    void aFailedSpawnIsRescheduledToTheOtherHostThenErrorsWithEverythingGivenBack() {
        world.quota(project, "instances", 1);
        UUID id = createAccepted("unlucky");
        JsonNodeHost first = awaitSpawn(id);
        UUID firstCommand = world.answer(id, Commands.SPAWN, first.host(), false, Reports.NOSTATE, "disk full");

        var second = world.awaitCommand(id, Commands.SPAWN, firstCommand);
        String secondHost = world.commandTopic(id, Commands.SPAWN).substring("strato.compute.host.".length());
        assertNotEquals(first.host(), secondHost, "the reschedule avoids the host that failed");
        assertEquals(1, world.portsOf(id).size(), "the port is reused, not made twice");
        assertEquals(secondHost, world.portsOf(id).get(0).path("binding:host_id").asText(), "and bound to the new host");
        assertArrayEquals(new long[3], world.used(first.host()), "the first host's claim is given back");
        assertEquals("BUILD", status(id));

        world.answer(id, Commands.SPAWN, secondHost, false, Reports.NOSTATE, "disk full again");
        // the third attempt finds no host left in the zone: ERROR, No valid host
        awaitStatus(id, "ERROR");
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.fault.code", equalTo(500))
                .body("server.fault.message", startsWith("No valid host was found."))
                .body("server.'OS-EXT-STS:task_state'", equalTo(null));
        ServerWorld.await("ports given back", Duration.ofSeconds(20), () -> world.portsOf(id).isEmpty());
        assertEquals(0, world.allocations(id), "no claim left");
        assertArrayEquals(new long[3], world.used(first.host()));
        assertArrayEquals(new long[3], world.used(secondHost));
        assertNull(world.serverColumn(id, "host"), "host cleared: the quota counts the server no more");
        assertTrue(world.commandCount(id, Commands.DELETE) >= 2, "each host is told to remove what the spawn left");
        createAccepted("fits-again"); // the project's only instance came back
        // and the ERROR server can be deleted, with nothing to wait for
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        awaitGone(id);
    }

    @Test
    void afterMaxAttemptsTheFaultNamesTheLastError() {
        String thirdHost = world.host(zone, 8, 8192, 100);
        UUID id = createAccepted("three-strikes");
        UUID last = null;
        for (int i = 0; i < 3; i++) {
            var cmd = world.awaitCommand(id, Commands.SPAWN, last);
            String host = world.commandTopic(id, Commands.SPAWN).substring("strato.compute.host.".length());
            last = UUID.fromString(cmd.path("command_id").asText());
            world.publish(Reports.COMMAND_RESULT, id, new Reports.CommandResult(last, id, host, Commands.SPAWN, false,
                    Reports.NOSTATE, "libvirt says no #" + i, java.time.Instant.now()));
        }
        awaitStatus(id, "ERROR");
        as(admin).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.fault.message", startsWith("No valid host was found. Exceeded max scheduling attempts 3"))
                .body("server.fault.details", equalTo("libvirt says no #2"));
        assertArrayEquals(new long[3], world.used(thirdHost));
    }

    @Test
    void aFlavorNoHostCanHoldErrorsWithNoValidHost() {
        String huge = world.flavor(1, 8_388_608, 1);
        world.quota(project, "ram", -1); // Nova's default ram quota would refuse it before any host is looked at
        UUID id = UUID.fromString(create(member, body("too-big", null).replace(flavor, huge)).then().statusCode(202)
                .extract().path("server.id"));
        awaitStatus(id, "ERROR");
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.fault.message", startsWith("No valid host was found"));
        assertEquals(0, world.commandCount(id, Commands.SPAWN));
        assertTrue(world.portsOf(id).isEmpty(), "no port was made for it");
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        awaitGone(id);
    }

    @Test
    void theWatchdogTurnsAnOverdueBuildIntoErrorAndCleansUp() {
        UUID id = createAccepted("slow");
        JsonNodeHost spawn = awaitSpawn(id);
        assertEquals(1, world.portsOf(id).size());
        world.setServer(id, "deadline = now() - interval '1 second'");
        awaitStatus(id, "ERROR");
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.fault.message", startsWith("Build of instance " + id + " timed out"));
        ServerWorld.await("ports given back", Duration.ofSeconds(20), () -> world.portsOf(id).isEmpty());
        assertEquals(0, world.allocations(id));
        assertArrayEquals(new long[3], world.used(spawn.host()));
        assertEquals(1, world.commandCount(id, Commands.DELETE), "the host is told to drop the late spawn");
        // a late success changes nothing
        world.publish(Reports.COMMAND_RESULT, id, new Reports.CommandResult(
                UUID.fromString(spawn.command().path("command_id").asText()), id, spawn.host(), Commands.SPAWN, true,
                Reports.RUNNING, null, java.time.Instant.now()));
        UUID marker = createAccepted("after-late-result");
        awaitSpawn(marker); // reports are handled in order: by now the late one has been read
        assertEquals("ERROR", status(id));
    }

    @Test
    void aNetworkServiceThatFailsForAWhileIsRetried() {
        world.failPortCalls(2);
        UUID id = createAccepted("patient");
        JsonNodeHost spawn = awaitSpawn(id);
        assertEquals(1, world.portsOf(id).size());
        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
    }

    @Test
    void aPortMadeByAStepThatDiedBeforeItsCommitIsReusedNotMadeAgain() {
        world.failPortCalls(1_000_000);
        UUID id = createAccepted("survivor");
        ServerWorld.await("the networking step to have failed once", Duration.ofSeconds(20),
                () -> world.serverColumn(id, "retry_at") != null);
        assertEquals("networking", world.serverColumn(id, "task_state"));
        UUID orphan = world.orphanedPort(network, project, "10.0.2.77", id);
        world.failPortCalls(0);
        JsonNodeHost spawn = awaitSpawn(id);
        assertEquals(orphan.toString(), spawn.command().path("ports").path(0).path("port_id").asText());
        assertEquals(1, world.portsOf(id).size(), "no second port");
        assertEquals(spawn.host(), world.port(orphan).path("binding:host_id").asText(), "bound to the chosen host");
    }

    @Test
    void aDeleteDuringTheBuildRemovesTheServerAndItsPorts() {
        UUID id = createAccepted("short-lived");
        JsonNodeHost spawn = awaitSpawn(id);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        // the spawn's result no longer counts; the delete's does
        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        world.answer(id, Commands.DELETE, spawn.host(), true, Reports.NOSTATE, null);
        awaitGone(id);
        ServerWorld.await("ports deleted", Duration.ofSeconds(20), () -> world.portsOf(id).isEmpty());
        assertArrayEquals(new long[3], world.used(spawn.host()));
    }

    @Test
    void aDeleteOnADownHostFinishesWithoutTheAgent() {
        UUID id = active("orphan");
        String host = host(id);
        world.heartbeat(host, 3600);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        awaitGone(id);
        assertEquals(1, world.commandCount(id, Commands.DELETE), "the agent still gets the Delete when it is back");
        assertTrue(world.portsOf(id).isEmpty());
        assertEquals(0, world.allocations(id));
    }
}
