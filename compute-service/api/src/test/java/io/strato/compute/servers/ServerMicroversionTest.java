package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Servers at the microversions that changed them (each test skips while MAX is below its step). */
@QuarkusTest
@ServersInfra
class ServerMicroversionTest extends ServerTestBase {


    @Test
    void from23AdminsSeeTheEc2AttributesAndVolumesTheirDeleteOnTermination() {
        UUID id = active("ec2");
        at(admin, 3).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("ec2"))
                .body("server.'OS-EXT-SRV-ATTR:launch_index'", equalTo(0))
                .body("server.'OS-EXT-SRV-ATTR:root_device_name'", equalTo("/dev/vda"))
                .body("server.'OS-EXT-SRV-ATTR:user_data'", nullValue())
                .body("server.'OS-EXT-SRV-ATTR:reservation_id'", org.hamcrest.Matchers.startsWith("r-"));
        at(member, 3).get(SERVERS + "/" + id).then().body("server", not(hasKey("OS-EXT-SRV-ATTR:hostname")));
        as(admin).get(SERVERS + "/" + id).then().body("server", not(hasKey("OS-EXT-SRV-ATTR:hostname")));
    }

    @Test
    void from29LockedAndFrom216TheHostStatusForAdmins() {
        UUID id = active("locked");
        at(member, 9).get(SERVERS + "/" + id).then().body("server.locked", equalTo(false));
        as(member).body("{\"lock\": null}").post(SERVERS + "/" + id + "/action").then().statusCode(202);
        at(member, 9).get(SERVERS + "/detail").then().body("servers.find { it.id == '" + id + "' }.locked", equalTo(true));
        at(member, 9).body("{\"server\": {\"name\": \"still-locked\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.locked", equalTo(true));
        as(member).get(SERVERS + "/" + id).then().body("server", not(hasKey("locked")));
        at(admin, 16).get(SERVERS + "/" + id).then().body("server.host_status", equalTo("UP"));
        at(member, 16).get(SERVERS + "/" + id).then().body("server", not(hasKey("host_status")));
        world.update("UPDATE compute_host SET enabled = false WHERE host = ?", host(id));
        at(admin, 16).get(SERVERS + "/detail?all_tenants=1").then()
                .body("servers.find { it.id == '" + id + "' }.host_status", equalTo("MAINTENANCE"));
        world.update("UPDATE compute_host SET forced_down = true WHERE host = ?", host(id));
        at(admin, 16).get(SERVERS + "/" + id).then().body("server.host_status", equalTo("DOWN"));
        world.update("UPDATE compute_host SET forced_down = false, enabled = true WHERE host = ?", host(id));
    }

    @Test
    void from219ServersHaveADescription() {
        create(member, body("d", "\"description\": \"web tier\"")).then().statusCode(400);
        UUID id = UUID.fromString(at(member, 19).body(body("d", "\"description\": \"web tier\"")).post(SERVERS).then()
                .statusCode(202).extract().path("server.id"));
        at(member, 19).get(SERVERS + "/" + id).then().body("server.description", equalTo("web tier"));
        at(member, 19).body("{\"server\": {\"description\": null}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.description", nullValue()).body("server", hasKey("description"));
        as(member).body("{\"server\": {\"description\": \"x\"}}").put(SERVERS + "/" + id).then().statusCode(400);
        at(member, 19).body("{\"server\": {\"description\": \"" + "x".repeat(256) + "\"}}").put(SERVERS + "/" + id)
                .then().statusCode(400);
        as(member).get(SERVERS + "/" + id).then().body("server", not(hasKey("description")));
    }

    @Test
    void from221TheActionsOfADeletedServerStayReadable() {
        UUID id = active("gone");
        String host = host(id);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, io.strato.compute.protocol.Commands.DELETE, host, true, io.strato.compute.protocol.Reports.SHUTDOWN, null);
        awaitGone(id);
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(404);
        at(member, 21).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions.action", equalTo(java.util.List.of("delete", "create")));
        String stranger = io.strato.kit.testing.TestIdentity.token(ServerWorld.unique("s"), ServerWorld.unique("p"), "member", "reader");
        at(stranger, 21).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(404);
        at(member, 21).get(SERVERS + "/" + UUID.randomUUID() + "/os-instance-actions").then().statusCode(404);
    }

    @Test
    void from237NetworksAreRequiredAndMayBeAutoOrNone() {
        String noNet = "{\"server\": {\"name\": \"n\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"" + flavor
                + "\", \"availability_zone\": \"" + zone + "\"%s}}";
        at(member, 37).body(noNet.formatted("")).post(SERVERS).then().statusCode(400);
        at(member, 36).body(noNet.formatted(", \"networks\": \"none\"")).post(SERVERS).then().statusCode(400);
        UUID none = UUID.fromString(at(member, 37).body(noNet.formatted(", \"networks\": \"none\"")).post(SERVERS).then()
                .statusCode(202).extract().path("server.id"));
        JsonNodeHost spawn = awaitSpawn(none);
        org.junit.jupiter.api.Assertions.assertEquals(0, spawn.command().path("ports").size(), "no interface");
        UUID auto = UUID.fromString(at(member, 37).body(noNet.formatted(", \"networks\": \"auto\"")).post(SERVERS).then()
                .statusCode(202).extract().path("server.id"));
        org.junit.jupiter.api.Assertions.assertEquals(1, awaitSpawn(auto).command().path("ports").size(), "the project's network");
        at(member, 37).body(noNet.formatted(", \"networks\": \"all\"")).post(SERVERS).then().statusCode(400);
        String lonely = io.strato.kit.testing.TestIdentity.token(ServerWorld.unique("u"), ServerWorld.unique("p"), "member", "reader");
        at(lonely, 37).body(noNet.formatted(", \"networks\": \"auto\"")).post(SERVERS).then().statusCode(400)
                .body("badRequest.message", org.hamcrest.Matchers.startsWith("Unable to automatically allocate a network"));
        at(member, 42).body(body("tagged", null).replace("\"uuid\": \"" + network + "\"",
                "\"uuid\": \"" + network + "\", \"tag\": \"nic1\"")).post(SERVERS).then().statusCode(400);
    }

    @Test
    void from238AnUnknownStatusIs400AndFrom247TheFlavorIsEmbedded() {
        as(member).get(SERVERS + "?status=NOPE").then().statusCode(200).body("servers.size()", equalTo(0));
        at(member, 38).get(SERVERS + "?status=NOPE").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid status value"));
        at(member, 38).get(SERVERS + "?status=RESIZE").then().statusCode(200);
        UUID id = active("embedded");
        at(member, 47).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.flavor.vcpus", equalTo(1)).body("server.flavor.ram", equalTo(512))
                .body("server.flavor.disk", equalTo(1)).body("server.flavor.swap", equalTo(0))
                .body("server.flavor.original_name", org.hamcrest.Matchers.notNullValue())
                .body("server.flavor.extra_specs", equalTo(java.util.Map.of()))
                .body("server.flavor", not(hasKey("id")));
        at(member, 46).get(SERVERS + "/" + id).then().body("server.flavor.id", equalTo(flavor));
    }

    @Test
    void from251EveryoneWhoSeesAnActionSeesItsEvents() {
        UUID id = active("events");
        String request = as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .extract().path("instanceActions[0].request_id");
        as(member).get(SERVERS + "/" + id + "/os-instance-actions/" + request).then()
                .body("instanceAction", not(hasKey("events")));
        at(member, 51).get(SERVERS + "/" + id + "/os-instance-actions/" + request).then()
                .body("instanceAction.events.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("instanceAction.events[0]", not(hasKey("traceback")));
    }
}
