package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** pause/unpause and suspend/resume through the agent's commands, with Nova's state checks. */
@QuarkusTest
@ServersInfra
class ServerPauseSuspendTest extends ServerTestBase {

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    @Test
    void pauseAndUnpauseGoThroughTheAgent() {
        UUID id = active("pause");
        String host = host(id);
        as(member).body("{\"pause\": null}").post(action(id)).then().statusCode(202);
        assertEquals("pausing", task(id));
        as(member).body("{\"pause\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'pause' instance " + id
                        + " while it is in task_state pausing"));
        world.answer(id, Commands.PAUSE, host, true, Reports.PAUSED, null);
        awaitStatus(id, "PAUSED");
        as(admin).get(SERVERS + "/" + id).then().body("server.'OS-EXT-STS:vm_state'", equalTo("paused"))
                .body("server.'OS-EXT-STS:power_state'", equalTo(Reports.PAUSED));
        as(member).body("{\"pause\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'pause' instance " + id
                        + " while it is in vm_state paused"));
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(409);
        as(member).body("{\"unpause\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.UNPAUSE, host, true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(member).body("{\"unpause\": null}").post(action(id)).then().statusCode(409);
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then()
                .body("instanceActions.action", hasItems("pause", "unpause"));
    }

    @Test
    void suspendAndResumeGoThroughTheAgent() {
        UUID id = active("suspend");
        String host = host(id);
        as(member).body("{\"resume\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'resume' instance " + id
                        + " while it is in vm_state active"));
        as(member).body("{\"suspend\": null}").post(action(id)).then().statusCode(202);
        assertEquals("suspending", task(id));
        world.answer(id, Commands.SUSPEND, host, true, Reports.SHUTDOWN, null);
        awaitStatus(id, "SUSPENDED");
        as(member).body("{\"suspend\": null}").post(action(id)).then().statusCode(409);
        as(member).body("{\"resume\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.RESUME, host, true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(admin).get(SERVERS + "/" + id + "/os-instance-actions").then()
                .body("instanceActions.action", hasItems("suspend", "resume"));
    }

    @Test
    void aFailedPauseLeavesTheServerActive() {
        UUID id = active("fails");
        as(member).body("{\"pause\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.PAUSE, host(id), false, Reports.RUNNING, "the domain did not pause");
        ServerWorld.await("the pause to end", java.time.Duration.ofSeconds(20), () -> task(id) == null);
        assertEquals("ACTIVE", status(id));
    }

    @Test
    void policiesAndMissingServers() {
        UUID id = active("policy");
        as(reader).body("{\"pause\": null}").post(action(id)).then().statusCode(403);
        as(reader).body("{\"suspend\": null}").post(action(id)).then().statusCode(403);
        as(member).body("{\"pause\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(member).body("{\"unpause\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(member).body("{\"suspend\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(member).body("{\"resume\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
    }
}
