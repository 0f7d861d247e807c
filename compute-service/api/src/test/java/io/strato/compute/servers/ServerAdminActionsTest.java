package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** os-resetState, restore, forceDelete, resetNetwork and add/removeSecurityGroup. */
@QuarkusTest
@ServersInfra
class ServerAdminActionsTest extends ServerTestBase {

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    @Test
    void anAdminResetsTheStateToErrorAndBackAndTheActionIsRecorded() {
        UUID id = active("reset");
        as(member).body("{\"os-resetState\": {\"state\": \"error\"}}").post(action(id)).then().statusCode(403);
        as(admin).body("{\"os-resetState\": {\"state\": \"error\"}}").post(action(id)).then().statusCode(202);
        as(admin).get(SERVERS + "/" + id).then().body("server.status", equalTo("ERROR"))
                .body("server.'OS-EXT-STS:vm_state'", equalTo("error"));
        as(admin).get(SERVERS + "/detail?status=error&all_tenants=1").then().statusCode(200)
                .body("servers.id", hasItem(id.toString()));
        as(admin).body("{\"os-resetState\": {\"state\": \"active\"}}").post(action(id)).then().statusCode(202);
        assertEquals("ACTIVE", status(id));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions.action", hasItem("resetState"));
    }

    @Test
    void resetStateClearsATaskAndItsLateAnswerChangesNothing() {
        UUID id = active("busy");
        as(member).body("{\"os-stop\": null}").post(action(id)).then().statusCode(202);
        assertEquals("powering-off", task(id));
        as(admin).body("{\"os-resetState\": {\"state\": \"active\"}}").post(action(id)).then().statusCode(202);
        as(admin).get(SERVERS + "/" + id).then().body("server.status", equalTo("ACTIVE"))
                .body("server.'OS-EXT-STS:task_state'", equalTo(null));
        world.answer(id, Commands.STOP, host(id), true, Reports.SHUTDOWN, null);
        as(member).body("{\"os-start\": null}").post(action(id)).then().statusCode(409); // ACTIVE: start is refused
        assertEquals("ACTIVE", status(id));
    }

    @Test
    void resetStateRefusesOtherStatesAndUnknownServers() {
        UUID id = active("bad-state");
        as(admin).body("{\"os-resetState\": {\"state\": \"invalid\"}}").post(action(id)).then().statusCode(400);
        as(admin).body("{\"os-resetState\": {\"state\": 1}}").post(action(id)).then().statusCode(400);
        as(admin).body("{\"os-resetState\": {}}").post(action(id)).then().statusCode(400);
        as(admin).body("{\"os-resetState\": {\"state\": \"error\"}}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(admin).body("{\"os-resetState\": {\"state\": \"error\"}}").post(SERVERS + "/999/action").then().statusCode(404);
    }

    @Test
    void restoreIsAConflictForAServerThatIsNotSoftDeleted() {
        UUID id = active("restore");
        as(member).body("{\"restore\": null}").post(action(id)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'restore' instance " + id
                        + " while it is in vm_state active"));
        as(member).body("{\"restore\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(reader).body("{\"restore\": null}").post(action(id)).then().statusCode(403);
    }

    @Test
    void forceDeleteDeletesTheServer() {
        UUID id = active("force");
        as(member).body("{\"forceDelete\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(reader).body("{\"forceDelete\": null}").post(action(id)).then().statusCode(403);
        as(member).body("{\"forceDelete\": null}").post(action(id)).then().statusCode(202);
        world.answer(id, Commands.DELETE, host(id), true, Reports.NOSTATE, null);
        awaitGone(id);
    }

    @Test
    void resetNetworkIsGoneAsInNovaAndInjectNetworkInfoIsForAdmins() {
        UUID id = active("xen");
        as(member).body("{\"injectNetworkInfo\": null}").post(action(id)).then().statusCode(403);
        as(admin).body("{\"injectNetworkInfo\": null}").post(action(id)).then().statusCode(202);
        as(admin).body("{\"injectNetworkInfo\": null}").post(action(UUID.randomUUID())).then().statusCode(404);
        as(admin).body("{\"resetNetwork\": null}").post(action(id)).then().statusCode(410)
                .body("computeFault.code", equalTo(410));
    }

    @Test
    void securityGroupsAreAddedToAndRemovedFromEveryPortOfTheServer() {
        UUID web = world.securityGroup(project, "web");
        UUID db = world.securityGroup(project, "db");
        world.securityGroup(project, "dup");
        world.securityGroup(project, "dup");
        UUID id = UUID.fromString(create(member, body("groups", "\"security_groups\": [{\"name\": \"web\"}]"))
                .then().statusCode(202).extract().path("server.id"));
        world.answer(id, Commands.SPAWN, awaitSpawn(id).host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");

        as(member).body("{\"addSecurityGroup\": {\"name\": \"db\"}}").post(action(id)).then().statusCode(202);
        assertEquals(List.of(web.toString(), db.toString()), ids(world.portsOf(id).get(0).path("security_groups")));
        as(member).get(SERVERS + "/" + id).then().body("server.security_groups.name", equalTo(List.of("web", "db")));

        as(member).body("{\"addSecurityGroup\": {\"name\": \"nope\"}}").post(action(id)).then().statusCode(404);
        as(member).body("{\"addSecurityGroup\": {\"name\": \"dup\"}}").post(action(id)).then().statusCode(409);
        as(member).body("{\"addSecurityGroup\": {\"name\": \"\"}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"addSecurityGroup\": {}}").post(action(id)).then().statusCode(400);
        as(reader).body("{\"addSecurityGroup\": {\"name\": \"db\"}}").post(action(id)).then().statusCode(403);
        as(member).body("{\"addSecurityGroup\": {\"name\": \"db\"}}").post(action(UUID.randomUUID())).then()
                .statusCode(404);

        as(member).body("{\"removeSecurityGroup\": {\"name\": \"" + db + "\"}}").post(action(id)).then().statusCode(202);
        as(member).body("{\"removeSecurityGroup\": {\"name\": \"db\"}}").post(action(id)).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Security group db not associated with the instance " + id));
        as(member).body("{\"removeSecurityGroup\": {\"name\": \"web\"}}").post(action(id)).then().statusCode(202);
        assertEquals(List.of(), ids(world.portsOf(id).get(0).path("security_groups")));
        // as in Nova, a server whose ports have no group shows no security_groups at all
        as(member).get(SERVERS + "/" + id).then().body("server", not(hasKey("security_groups")))
                .body("server.status", equalTo("ACTIVE"));
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
