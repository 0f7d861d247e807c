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

    @Test
    void from254RebuildSetsTheKeyAndFrom257TheUserData() {
        UUID id = active("rekeyed");
        String host = host(id);
        String key = ServerWorld.unique("k");
        String publicKey = at(member, 2).body("{\"keypair\": {\"name\": \"" + key + "\"}}").post("/v2.1/os-keypairs")
                .then().statusCode(201).extract().path("keypair.public_key");
        String rebuild = "{\"rebuild\": {\"imageRef\": \"" + image + "\", %s}}";
        at(member, 53).body(rebuild.formatted("\"key_name\": \"" + key + "\"")).post(SERVERS + "/" + id + "/action")
                .then().statusCode(400);
        at(member, 54).body(rebuild.formatted("\"key_name\": \"nope\"")).post(SERVERS + "/" + id + "/action")
                .then().statusCode(400).body("badRequest.message", equalTo("Invalid key_name provided."));
        at(member, 54).body(rebuild.formatted("\"user_data\": \"aGk=\"")).post(SERVERS + "/" + id + "/action")
                .then().statusCode(400);
        at(member, 57).body(rebuild.formatted("\"personality\": []")).post(SERVERS + "/" + id + "/action")
                .then().statusCode(400);
        UUID firstSpawn = UUID.fromString(world.command(id, io.strato.compute.protocol.Commands.SPAWN).path("command_id").asText());
        at(member, 57).body(rebuild.formatted("\"key_name\": \"" + key + "\", \"user_data\": \"aGk=\""))
                .post(SERVERS + "/" + id + "/action").then().statusCode(202)
                .body("server.key_name", equalTo(key))
                .body("server.user_data", equalTo("aGk="))
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:user_data")));
        world.answer(id, io.strato.compute.protocol.Commands.DELETE, host, true, io.strato.compute.protocol.Reports.SHUTDOWN, null);
        var spawn = world.awaitCommand(id, io.strato.compute.protocol.Commands.SPAWN, firstSpawn);
        org.junit.jupiter.api.Assertions.assertEquals(publicKey, spawn.path("key_data").asText());
        org.junit.jupiter.api.Assertions.assertEquals("aGk=", spawn.path("user_data").asText());
        world.answer(id, io.strato.compute.protocol.Commands.SPAWN, host, true, io.strato.compute.protocol.Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        as(member).get(SERVERS + "/" + id).then().body("server.key_name", equalTo(key));
        at(member, 54).body(rebuild.formatted("\"key_name\": null")).post(SERVERS + "/" + id + "/action")
                .then().statusCode(202).body("server.key_name", nullValue()).body("server", hasKey("key_name"))
                .body("server", not(hasKey("user_data")));
        as(member).get(SERVERS + "/" + id).then().body("server.key_name", nullValue());
    }

    @Test
    void from257PersonalityIsAnUnknownKeyOfACreate() {
        at(member, 57).body(body("p", "\"personality\": []")).post(SERVERS).then().statusCode(400)
                .body("badRequest.message", org.hamcrest.Matchers.containsString("'personality' was unexpected"));
        at(member, 56).body(body("p", "\"personality\": [{\"path\": \"/a\", \"contents\": \"aGk=\"}]")).post(SERVERS)
                .then().statusCode(400).body("badRequest.message", equalTo("Personality files are not supported; use user_data."));
    }

    @Test
    void from258InstanceActionsPageAndShowUpdatedAtAndFrom262TheirEventsHost() {
        UUID id = active("paged");
        String host = host(id);
        as(member).body("{\"lock\": null}").post(SERVERS + "/" + id + "/action").then().statusCode(202);
        as(member).body("{\"unlock\": null}").post(SERVERS + "/" + id + "/action").then().statusCode(202);
        String actions = SERVERS + "/" + id + "/os-instance-actions";
        java.util.List<String> all = at(member, 58).get(actions).then().statusCode(200)
                .body("instanceActions.action", equalTo(java.util.List.of("unlock", "lock", "create")))
                .body("instanceActions[0]", hasKey("updated_at")).body("$", not(hasKey("links")))
                .extract().path("instanceActions.request_id");
        as(member).get(actions).then().body("instanceActions[0]", not(hasKey("updated_at")));
        as(member).get(actions + "?limit=1&foo=bar").then().statusCode(200)
                .body("instanceActions.size()", equalTo(3));
        at(member, 58).get(actions + "?limit=1").then().statusCode(200)
                .body("instanceActions.request_id", equalTo(java.util.List.of(all.get(0))))
                .body("links[0].rel", equalTo("next"))
                .body("links[0].href", org.hamcrest.Matchers.containsString("marker=" + all.get(0)));
        at(member, 58).get(actions + "?limit=5&marker=" + all.get(0)).then().statusCode(200)
                .body("instanceActions.request_id", equalTo(all.subList(1, 3)));
        at(member, 58).get(actions + "?marker=nope").then().statusCode(400)
                .body("badRequest.message", equalTo("Marker nope could not be found."));
        at(member, 58).get(actions + "?foo=bar").then().statusCode(400);
        at(member, 58).get(actions + "?limit=-1").then().statusCode(400);
        at(member, 58).get(actions + "?changes-since=yesterday").then().statusCode(400);
        at(member, 58).get(actions + "?changes-since=2999-01-01T00:00:00Z").then().statusCode(200)
                .body("instanceActions", equalTo(java.util.List.of()));
        at(member, 58).get(actions + "?changes-since=2000-01-01T00:00:00").then().statusCode(200)
                .body("instanceActions.size()", equalTo(3));
        String create = all.get(2);
        at(member, 61).get(actions + "/" + create).then().body("instanceAction", hasKey("updated_at"))
                .body("instanceAction.events[0]", not(hasKey("hostId")));
        at(member, 62).get(actions + "/" + create).then()
                .body("instanceAction.events.find { it.event == 'compute__do_build_and_run_instance' }.hostId",
                        equalTo(ServerViews.hostId(project, host)))
                .body("instanceAction.events[0]", not(hasKey("host")));
        at(admin, 62).get(actions + "/" + create).then()
                .body("instanceAction.events.find { it.event == 'compute__do_build_and_run_instance' }.host", equalTo(host));
    }

    @Test
    void from263TrustedCertificatesAreNullAndRefused() {
        at(member, 62).body(body("c", "\"trusted_image_certificates\": null")).post(SERVERS).then().statusCode(400);
        at(member, 63).body(body("c", "\"trusted_image_certificates\": [\"cert-1\"]")).post(SERVERS).then().statusCode(400)
                .body("badRequest.message", org.hamcrest.Matchers.containsString("not supported"));
        at(member, 63).body(body("c", "\"trusted_image_certificates\": []")).post(SERVERS).then().statusCode(400);
        at(member, 63).body(body("c", "\"trusted_image_certificates\": [\"a\", \"a\"]")).post(SERVERS).then().statusCode(400);
        UUID id = active("certs");
        at(member, 63).get(SERVERS + "/" + id).then().body("server.trusted_image_certificates", nullValue())
                .body("server", hasKey("trusted_image_certificates"));
        at(member, 63).get(SERVERS + "/detail").then().body("servers[0]", hasKey("trusted_image_certificates"));
        at(member, 62).get(SERVERS + "/" + id).then().body("server", not(hasKey("trusted_image_certificates")));
        at(member, 63).body("{\"server\": {\"name\": \"certs2\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server", hasKey("trusted_image_certificates"));
        at(member, 63).body("{\"rebuild\": {\"imageRef\": \"" + image + "\", \"trusted_image_certificates\": [\"x\"]}}")
                .post(SERVERS + "/" + id + "/action").then().statusCode(400);
    }

    @Test
    void from266ChangesBeforeFiltersServers() {
        UUID id = active("before");
        String detail = SERVERS + "/detail?changes-before=2000-01-01T00:00:00Z";
        at(member, 65).get(detail).then().statusCode(200).body("servers.id", org.hamcrest.Matchers.hasItem(id.toString()));
        at(member, 66).get(detail).then().statusCode(200).body("servers", equalTo(java.util.List.of()));
        at(member, 66).get(SERVERS + "?changes-before=2999-01-01T00:00:00Z").then().statusCode(200)
                .body("servers.id", org.hamcrest.Matchers.hasItem(id.toString()));
        at(member, 66).get(SERVERS + "?changes-before=soon").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid filter field: changes-before."));
        at(member, 66).get(SERVERS + "?changes-since=2999-01-01T00:00:00Z&changes-before=2000-01-01T00:00:00Z").then()
                .statusCode(400);
        String actions = SERVERS + "/" + id + "/os-instance-actions";
        at(member, 65).get(actions + "?changes-before=2000-01-01T00:00:00Z").then().statusCode(400);
        at(member, 66).get(actions + "?changes-before=2000-01-01T00:00:00Z").then().statusCode(200)
                .body("instanceActions", equalTo(java.util.List.of()));
    }

    @Test
    void from271ShowUpdateAndRebuildNameTheServerGroups() {
        String group = world.group(project, "anti-affinity").toString();
        UUID id = UUID.fromString(as(member).body(body("grouped", null).replaceFirst("\\}\\}$",
                "}, \"os:scheduler_hints\": {\"group\": \"" + group + "\"}}")).post(SERVERS).then().statusCode(202)
                .extract().path("server.id"));
        world.answer(id, io.strato.compute.protocol.Commands.SPAWN, awaitSpawn(id).host(), true,
                io.strato.compute.protocol.Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        at(member, 71).get(SERVERS + "/" + id).then().body("server.server_groups", equalTo(java.util.List.of(group)));
        at(member, 70).get(SERVERS + "/" + id).then().body("server", not(hasKey("server_groups")));
        at(member, 71).get(SERVERS + "/detail").then().body("servers[0]", not(hasKey("server_groups")));
        at(member, 71).body("{\"server\": {\"name\": \"g2\"}}").put(SERVERS + "/" + id).then()
                .body("server.server_groups", equalTo(java.util.List.of(group)));
        UUID other = active("ungrouped");
        at(member, 71).get(SERVERS + "/" + other).then().body("server.server_groups", equalTo(java.util.List.of()));
    }

    @Test
    void from273ALockHasAReasonAndServersFilterAndSortByLocked() {
        UUID id = active("reasoned");
        UUID other = active("open");
        String action = SERVERS + "/" + id + "/action";
        at(member, 73).body("{\"lock\": {\"locked_reason\": \"\"}}").post(action).then().statusCode(400);
        at(member, 73).body("{\"lock\": {\"reason\": \"x\"}}").post(action).then().statusCode(400);
        at(member, 73).body("{\"lock\": {\"locked_reason\": \"maintenance\"}}").post(action).then().statusCode(202);
        at(member, 73).get(SERVERS + "/" + id).then().body("server.locked_reason", equalTo("maintenance"))
                .body("server.locked", equalTo(true));
        at(member, 73).get(SERVERS + "/" + other).then().body("server.locked_reason", nullValue())
                .body("server", hasKey("locked_reason"));
        at(member, 72).get(SERVERS + "/" + id).then().body("server", not(hasKey("locked_reason")));
        at(member, 73).get(SERVERS + "?locked=true").then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(id.toString())));
        at(member, 73).get(SERVERS + "/detail?locked=0").then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(other.toString())));
        at(member, 73).get(SERVERS + "?locked=maybe").then().statusCode(400);
        at(member, 73).get(SERVERS + "?sort_key=locked&sort_dir=asc").then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(other.toString(), id.toString())));
        at(member, 73).body("{\"server\": {\"name\": \"r2\"}}").put(SERVERS + "/" + id).then()
                .body("server.locked_reason", equalTo("maintenance"));
        at(member, 73).body("{\"unlock\": null}").post(action).then().statusCode(202);
        at(member, 73).get(SERVERS + "/" + id).then().body("server.locked_reason", nullValue());
        at(member, 72).body("{\"lock\": {\"locked_reason\": \"old\"}}").post(action).then().statusCode(202);
        at(member, 73).get(SERVERS + "/" + id).then().body("server.locked_reason", nullValue());
    }

    @Test
    void from274AnAdminAsksForAHostAndTheFiltersStillRun() {
        String projectAdmin = io.strato.kit.testing.TestIdentity.token(ServerWorld.unique("a"), project, "admin", "member", "reader");
        at(projectAdmin, 73).body(body("h", "\"host\": \"" + hostB + "\"")).post(SERVERS).then().statusCode(400);
        at(member, 74).body(body("h", "\"host\": \"" + hostB + "\"")).post(SERVERS).then().statusCode(403);
        at(projectAdmin, 74).body(body("h", "\"host\": \"no-such-host\"")).post(SERVERS).then().statusCode(400)
                .body("badRequest.message", equalTo("Compute host no-such-host could not be found."));
        at(projectAdmin, 74).body(body("h", "\"host\": \"bad host\"")).post(SERVERS).then().statusCode(400);
        at(projectAdmin, 74).body(body("h", "\"host\": \"" + hostB + "\"").replace("\"availability_zone\": \"" + zone + "\"",
                "\"availability_zone\": \"" + zone + ":" + hostA + "\"")).post(SERVERS).then().statusCode(400);
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.fromString(at(projectAdmin, 74).body(body("h" + i, "\"host\": \"" + hostB + "\""))
                    .post(SERVERS).then().statusCode(202).extract().path("server.id"));
            org.junit.jupiter.api.Assertions.assertEquals(hostB, awaitSpawn(id).host());
        }
    }

    @Test
    void from275UnknownQueryParametersAre400() {
        for (String path : java.util.List.of(SERVERS, SERVERS + "/detail", "/v2.1/flavors", "/v2.1/flavors/detail",
                "/v2.1/os-keypairs", "/v2.1/limits", "/v2.1/os-quota-sets/" + project, "/v2.1/os-quota-sets/" + project + "/detail",
                "/v2.1/os-server-groups")) {
            at(member, 74).get(path + "?foo=bar").then().statusCode(200);
            at(member, 75).get(path + "?foo=bar").then().statusCode(400)
                    .body("badRequest.message", equalTo("Additional properties are not allowed ('foo' was unexpected)"));
        }
        at(member, 75).get(SERVERS + "?name=x&status=ACTIVE&limit=5&sort_key=display_name&locked=false").then().statusCode(200);
        at(member, 75).get("/v2.1/flavors?limit=5&minRam=1&sort_key=name").then().statusCode(200);
        for (String path : java.util.List.of("/v2.1/os-services?", "/v2.1/os-simple-tenant-usage?start=2020-01-01T00:00:00&",
                "/v2.1/os-simple-tenant-usage/" + project + "?start=2020-01-01T00:00:00&")) {
            at(admin, 74).get(path + "foo=bar").then().statusCode(200);
            at(admin, 75).get(path + "foo=bar").then().statusCode(400);
            at(admin, 75).get(path.substring(0, path.length() - 1)).then().statusCode(200);
        }
        at(member, 75).get("/v2.1/os-keypairs/nope?foo=1").then().statusCode(400);
    }

    @Test
    void from275UpdateAndRebuildAnswerTheShowView() {
        UUID id = active("full");
        at(member, 74).body("{\"server\": {\"name\": \"basic\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server", not(hasKey("OS-EXT-STS:vm_state"))).body("server", not(hasKey("key_name")));
        at(admin, 75).body("{\"server\": {\"name\": \"full\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'OS-EXT-STS:vm_state'", equalTo("active"))
                .body("server", hasKey("key_name")).body("server", hasKey("OS-EXT-AZ:availability_zone"))
                .body("server", hasKey("config_drive")).body("server", hasKey("OS-SRV-USG:launched_at"))
                .body("server", hasKey("os-extended-volumes:volumes_attached"))
                .body("server.'OS-EXT-SRV-ATTR:host'", equalTo(host(id))).body("server", hasKey("host_status"))
                .body("server.server_groups", equalTo(java.util.List.of()))
                .body("server.addresses.'" + networkName + "'[0].'OS-EXT-IPS:type'", equalTo("fixed"));
        at(member, 75).body("{\"server\": {\"name\": \"full\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:host")));
        at(admin, 75).body("{\"rebuild\": {\"imageRef\": \"" + image + "\", \"adminPass\": \"pw\"}}")
                .post(SERVERS + "/" + id + "/action").then().statusCode(202)
                .body("server.adminPass", equalTo("pw")).body("server", hasKey("user_data"))
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:user_data")))
                .body("server", hasKey("OS-EXT-SRV-ATTR:hostname"))
                .body("server.'OS-EXT-STS:task_state'", equalTo("rebuilding"))
                .body("server.server_groups", equalTo(java.util.List.of()));
    }

    @Test
    void from278AServerHasNoNumaTopology() {
        UUID id = active("topology");
        at(member, 77).get(SERVERS + "/" + id + "/topology").then().statusCode(404);
        at(member, 78).get(SERVERS + "/" + id + "/topology").then().statusCode(200)
                .body("nodes", equalTo(java.util.List.of())).body("pagesize_kb", nullValue()).body("$", hasKey("pagesize_kb"));
        at(member, 78).get(SERVERS + "/" + UUID.randomUUID() + "/topology").then().statusCode(404);
        String stranger = io.strato.kit.testing.TestIdentity.token(ServerWorld.unique("s"), ServerWorld.unique("p"), "member", "reader");
        at(stranger, 78).get(SERVERS + "/" + id + "/topology").then().statusCode(404);
    }

    @Test
    void from283MembersFilterByStateKeyAndTimes() {
        UUID id = active("filtered");
        at(member, 82).get(SERVERS + "?vm_state=stopped").then().statusCode(200)
                .body("servers.id", org.hamcrest.Matchers.hasItem(id.toString()));
        at(member, 83).get(SERVERS + "?vm_state=stopped").then().statusCode(200).body("servers", equalTo(java.util.List.of()));
        at(member, 83).get(SERVERS + "?vm_state=active&power_state=1&user_id=" + userOf(id)).then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(id.toString())));
        at(member, 83).get(SERVERS + "?created_at=^2&progress=.*").then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(id.toString())));
        at(member, 83).get(SERVERS + "?terminated_at=2").then().statusCode(200).body("servers", equalTo(java.util.List.of()));
        at(member, 83).get(SERVERS + "?key_name=nope").then().statusCode(200).body("servers", equalTo(java.util.List.of()));
        at(member, 83).get(SERVERS + "?created_at=(").then().statusCode(400);
        at(member, 83).get(SERVERS + "?host=" + host(id)).then().statusCode(200)
                .body("servers.id", equalTo(java.util.List.of(id.toString()))); // host stays an admin's filter
    }

    private String userOf(UUID id) {
        return as(member).get(SERVERS + "/" + id).then().extract().path("server.user_id");
    }

    @Test
    void from284FailedEventsShowTheirDetailsToAdmins() {
        UUID id = createAccepted("fails");
        var spawn = awaitSpawn(id);
        world.answer(id, io.strato.compute.protocol.Commands.SPAWN, spawn.host(), false,
                io.strato.compute.protocol.Reports.SHUTDOWN, "no disk");
        String actions = SERVERS + "/" + id + "/os-instance-actions";
        String request = as(member).get(actions).then().extract().path("instanceActions[0].request_id");
        String failed = "instanceAction.events.find { it.result == 'Error' }";
        ServerWorld.await("the failed spawn event", java.time.Duration.ofSeconds(30), () ->
                as(admin).get(actions + "/" + request).then().extract().path(failed) != null);
        at(admin, 84).get(actions + "/" + request).then().body(failed + ".details", org.hamcrest.Matchers.containsString("no disk"))
                .body("instanceAction.events.find { it.result != 'Error' }.details", nullValue());
        at(admin, 83).get(actions + "/" + request).then().body(failed, not(hasKey("details")));
        at(member, 84).get(actions + "/" + request).then().body(failed, not(hasKey("details")));
    }

    @Test
    void from290AHostnameIsGivenSeenByEveryoneAndFrom294MayBeAnFqdn() {
        at(member, 89).body(body("h", "\"hostname\": \"web-1\"")).post(SERVERS).then().statusCode(400);
        at(member, 90).body(body("h", "\"hostname\": \"web.example.com\"")).post(SERVERS).then().statusCode(400);
        at(member, 90).body(body("h", "\"hostname\": \"web-1\", \"max_count\": 2")).post(SERVERS).then().statusCode(400)
                .body("badRequest.message", equalTo("Unable to allocate a single hostname to multiple instances"));
        UUID id = UUID.fromString(at(member, 90).body(body("Named Server", "\"hostname\": \"web-1\"")).post(SERVERS)
                .then().statusCode(202).extract().path("server.id"));
        at(member, 90).get(SERVERS + "/" + id).then().body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("web-1"));
        at(member, 89).get(SERVERS + "/" + id).then().body("server", not(hasKey("OS-EXT-SRV-ATTR:hostname")));
        at(admin, 90).get(SERVERS + "/" + id).then().body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("web-1"));
        at(member, 90).body("{\"server\": {\"name\": \"renamed\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("web-1"));
        at(member, 90).body("{\"server\": {\"hostname\": \"web-2\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("web-2"));
        at(member, 89).body("{\"server\": {\"hostname\": \"web-2\"}}").put(SERVERS + "/" + id).then().statusCode(400);
        at(member, 93).body("{\"server\": {\"hostname\": \"web.example.com\"}}").put(SERVERS + "/" + id).then().statusCode(400);
        at(member, 94).body("{\"server\": {\"hostname\": \"web.example.com\"}}").put(SERVERS + "/" + id).then()
                .statusCode(200).body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("web.example.com"));
        UUID plain = UUID.fromString(as(member).body(body("Plain Name", null)).post(SERVERS).then().statusCode(202)
                .extract().path("server.id"));
        at(member, 90).get(SERVERS + "/" + plain).then().body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("plain-name"));
    }

    @Test
    void from296TheZoneAskedForIsThePinnedOne() {
        UUID id = active("pinned");
        at(member, 95).get(SERVERS + "/" + id).then().body("server", not(hasKey("pinned_availability_zone")));
        at(member, 96).get(SERVERS + "/" + id).then().body("server.pinned_availability_zone", equalTo(zone));
        at(member, 96).get(SERVERS + "/detail").then().body("servers[0].pinned_availability_zone", equalTo(zone));
        at(member, 96).body("{\"server\": {\"name\": \"p2\"}}").put(SERVERS + "/" + id).then()
                .body("server.pinned_availability_zone", equalTo(zone));
        UUID anywhere = UUID.fromString(as(member).body(body("anywhere", null).replace("\"availability_zone\": \"" + zone + "\",", ""))
                .post(SERVERS).then().statusCode(202).extract().path("server.id"));
        at(member, 96).get(SERVERS + "/" + anywhere).then().body("server.pinned_availability_zone", nullValue())
                .body("server", hasKey("pinned_availability_zone"));
        // rebuild answers the show view with both (2.90 hostname, 2.96 pinned zone)
        at(member, 96).body("{\"rebuild\": {\"imageRef\": \"" + image + "\", \"hostname\": \"rebuilt\"}}")
                .post(SERVERS + "/" + id + "/action").then().statusCode(202)
                .body("server.pinned_availability_zone", equalTo(zone))
                .body("server.'OS-EXT-SRV-ATTR:hostname'", equalTo("rebuilt"));
    }
}
