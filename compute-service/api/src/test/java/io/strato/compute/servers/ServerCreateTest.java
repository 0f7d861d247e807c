package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Server create through the API and the saga, with the agent answering over Kafka. */
@QuarkusTest
@ServersInfra
class ServerCreateTest extends ServerTestBase {

    @Test
    void aCreatedServerGetsAHostAPortAndBecomesActive() {
        world.keypair(user, "my-keypair");
        UUID group = world.securityGroup(project, "web");
        var created = create(member, body("web-server-01",
                "\"key_name\": \"my-keypair\", \"security_groups\": [{\"name\": \"web\"}], \"metadata\": {\"role\": \"web\"}"))
                .then().statusCode(202)
                .body("server.adminPass", notNullValue())
                .body("server.'OS-DCF:diskConfig'", equalTo("MANUAL"))
                .body("server.security_groups[0].name", equalTo("web"))
                .body("server.links.rel", hasItem("self"))
                .extract();
        UUID id = UUID.fromString(created.path("server.id"));
        assertTrue(created.header("Location").endsWith("/v2.1/servers/" + id));
        assertEquals("BUILD", status(id));

        JsonNodeHost spawn = awaitSpawn(id);
        JsonNode cmd = spawn.command();
        assertEquals(id.toString(), cmd.path("server_id").asText());
        assertEquals(flavor, cmd.path("flavor").path("id").asText());
        assertEquals("0123456789abcdef0123456789abcdef", cmd.path("image").path("checksum").asText());
        assertEquals("x86_64", cmd.path("image").path("properties").path("hw_architecture").asText());
        assertEquals(1, cmd.path("ports").size());
        assertTrue(cmd.path("ports").path(0).path("mac_address").asText().startsWith("fa:16:3e"));
        assertEquals(1450, cmd.path("ports").path(0).path("mtu").asInt());
        assertEquals(world.portsOf(id).get(0).path("binding:vif_details").path("bridge_name").asText(),
                cmd.path("ports").path(0).path("bridge").asText(), "the tap goes on the bridge the binding names");
        assertTrue(cmd.path("key_data").asText().startsWith("ssh-ed25519"));
        assertEquals("web", cmd.path("metadata").path("role").asText());

        List<JsonNode> ports = world.portsOf(id);
        assertEquals(1, ports.size(), "one port, made for the server");
        JsonNode port = ports.get(0);
        assertEquals(spawn.host(), port.path("binding:host_id").asText());
        assertEquals("compute:nova", port.path("device_owner").asText());
        assertEquals(project, port.path("project_id").asText());
        assertEquals(group.toString(), port.path("security_groups").path(0).asText());

        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");

        String ip = port.path("fixed_ips").path(0).path("ip_address").asText();
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.name", equalTo("web-server-01"))
                .body("server.'OS-EXT-STS:vm_state'", equalTo("active"))
                .body("server.'OS-EXT-STS:power_state'", equalTo(1))
                .body("server.'OS-EXT-STS:task_state'", equalTo(null))
                .body("server.'OS-EXT-AZ:availability_zone'", equalTo(zone))
                .body("server.addresses.'" + networkName + "'[0].addr", equalTo(ip))
                .body("server.addresses.'" + networkName + "'[0].version", equalTo(4))
                .body("server.addresses.'" + networkName + "'[0].'OS-EXT-IPS:type'", equalTo("fixed"))
                .body("server.addresses.'" + networkName + "'[0].'OS-EXT-IPS-MAC:mac_addr'", startsWith("fa:16:3e"))
                .body("server.flavor.id", equalTo(flavor))
                .body("server.image.id", equalTo(image.toString()))
                .body("server.key_name", equalTo("my-keypair"))
                .body("server.metadata.role", equalTo("web"))
                .body("server.security_groups.name", equalTo(List.of("web")))
                .body("server.tenant_id", equalTo(project))
                .body("server.user_id", equalTo(user))
                .body("server.hostId", equalTo(ServerViews.hostId(project, spawn.host())))
                .body("server.'OS-SRV-USG:launched_at'", notNullValue())
                .body("server.'os-extended-volumes:volumes_attached'", hasSize(0))
                .body("server", not(hasKey("OS-EXT-SRV-ATTR:host")));
        as(admin).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'OS-EXT-SRV-ATTR:host'", equalTo(spawn.host()))
                .body("server.'OS-EXT-SRV-ATTR:hypervisor_hostname'", equalTo(spawn.host() + ".node"))
                .body("server.'OS-EXT-SRV-ATTR:instance_name'", equalTo("instance-" + id));
        assertEquals(1, world.allocations(id), "the server holds one claim");
    }

    @Test
    void instanceActionsRecordTheCreateWithItsEvents() {
        UUID id = active("recorded");
        String requestId = as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions", hasSize(1))
                .body("instanceActions[0].action", equalTo("create"))
                .body("instanceActions[0].instance_uuid", equalTo(id.toString()))
                .body("instanceActions[0].user_id", equalTo(user))
                .extract().path("instanceActions[0].request_id");
        assertTrue(requestId.startsWith("req-"));
        // events are an admin's at 2.1, as Nova's default policy has it
        as(member).get(SERVERS + "/" + id + "/os-instance-actions/" + requestId).then().statusCode(200)
                .body("instanceAction.action", equalTo("create"))
                .body("instanceAction", not(hasKey("events")));
        as(admin).get(SERVERS + "/" + id + "/os-instance-actions/" + requestId).then().statusCode(200)
                .body("instanceAction.events.event", hasItem("compute__do_build_and_run_instance"))
                .body("instanceAction.events.find { it.event == 'compute__do_build_and_run_instance' }.result",
                        equalTo("Success"));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions/req-nope").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }

    @Test
    void theRequestIdOfACreateIsTheInstanceActionsRequestId() {
        var r = create(member, body("with-id", null)).then().statusCode(202).extract();
        UUID id = UUID.fromString(r.path("server.id"));
        String rid = r.header("x-openstack-request-id");
        as(member).get(SERVERS + "/" + id + "/os-instance-actions/" + rid).then().statusCode(200)
                .body("instanceAction.request_id", equalTo(rid));
    }

    @Test
    void listsFilterByNameStatusAndPageWithAMarker() {
        UUID a = active("list-alpha");
        UUID b = createAccepted("list-beta");
        UUID c = createAccepted("list-gamma");
        as(member).get(SERVERS).then().statusCode(200)
                .body("servers", hasSize(3))
                .body("servers[0].id", equalTo(c.toString()))
                .body("servers[0].links.rel", hasItem("bookmark"));
        as(member).queryParam("name", "alp").get(SERVERS + "/detail").then().statusCode(200)
                .body("servers.id", equalTo(List.of(a.toString())))
                .body("servers[0].status", equalTo("ACTIVE"));
        as(member).queryParam("status", "BUILD").get(SERVERS).then().statusCode(200)
                .body("servers.id", equalTo(List.of(c.toString(), b.toString())));
        var page = as(member).queryParam("limit", 2).get(SERVERS).then().statusCode(200)
                .body("servers", hasSize(2))
                .body("servers_links[0].rel", equalTo("next")).extract();
        String marker = page.path("servers[1].id");
        as(member).queryParam("limit", 2).queryParam("marker", marker).get(SERVERS).then().statusCode(200)
                .body("servers.id", equalTo(List.of(a.toString())));
        as(member).queryParam("sort_key", "display_name").queryParam("sort_dir", "asc").get(SERVERS).then()
                .statusCode(200).body("servers.name", equalTo(List.of("list-alpha", "list-beta", "list-gamma")));
        as(member).queryParam("marker", UUID.randomUUID().toString()).get(SERVERS).then().statusCode(400);
        as(member).queryParam("sort_key", "host").get(SERVERS).then().statusCode(400);
        // another project sees none of them; an admin sees them with all_tenants
        String other = io.strato.kit.testing.TestIdentity.token("someone", ServerWorld.unique("p"), "member", "reader");
        as(other).get(SERVERS).then().statusCode(200).body("servers", hasSize(0));
        as(other).get(SERVERS + "/" + a).then().statusCode(404);
        as(other).queryParam("all_tenants", "1").get(SERVERS).then().statusCode(403);
        as(admin).queryParam("all_tenants", "1").queryParam("tenant_id", project).get(SERVERS + "/detail").then()
                .statusCode(200).body("servers", hasSize(3));
        as(admin).queryParam("all_tenants", "1").queryParam("host", host(a)).get(SERVERS).then()
                .statusCode(200).body("servers.id", hasItem(a.toString()));
        as(admin).queryParam("all_tenants", "1").queryParam("host", "no-such-host").get(SERVERS).then()
                .statusCode(200).body("servers", hasSize(0));
        // host is an admin's filter: a member's is ignored, as Nova ignores filters a user may not use
        as(member).queryParam("host", "no-such-host").get(SERVERS).then().statusCode(200).body("servers", hasSize(3));
    }

    @Test
    void minAndMaxCountMakeOneRowEachNamedAsNovaDoes() {
        var r = create(member, body("many", "\"min_count\": 2, \"max_count\": 3")).then().statusCode(202).extract();
        as(member).queryParam("name", "^many-").get(SERVERS).then().statusCode(200)
                .body("servers.name", org.hamcrest.Matchers.containsInAnyOrder("many-1", "many-2", "many-3"));
        assertTrue(r.path("server.id") != null);
    }

    @Test
    void aServerInAGroupIsAMemberAndPassesTheGroupToTheScheduler() {
        UUID group = world.group(project, "anti-affinity");
        String body = body("grouped", null).replaceFirst("\\}\\}$", "}, \"os:scheduler_hints\": {\"group\": \"" + group + "\"}}");
        UUID a = UUID.fromString(create(member, body).then().statusCode(202).extract().path("server.id"));
        UUID b = UUID.fromString(create(member, body.replace("grouped", "grouped-2")).then().statusCode(202)
                .extract().path("server.id"));
        String hostOfA = awaitSpawn(a).host();
        String hostOfB = awaitSpawn(b).host();
        assertTrue(!hostOfA.equals(hostOfB), "anti-affinity members land on different hosts");
        assertEquals(2, world.longs("SELECT count(*) FROM server_group_member WHERE group_id = ?", group).get(0)[0]);
    }

    @Test
    void withoutNetworksTheProjectsOnlyNetworkIsUsed() {
        String body = """
                {"server": {"name": "auto", "imageRef": "%s", "flavorRef": "%s", "availability_zone": "%s"}}"""
                .formatted(image, flavor, zone);
        UUID id = UUID.fromString(create(member, body).then().statusCode(202).extract().path("server.id"));
        JsonNode cmd = awaitSpawn(id).command();
        assertEquals(network.toString(), cmd.path("ports").path(0).path("network_id").asText());
        world.network(project, "second", "10.0.3.");
        create(member, body).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Multiple possible networks found, use a Network ID to be more specific."));
    }

    @Test
    void aUsersOwnPortIsBoundAndGivenBackOnDelete() {
        UUID port = world.userPort(network, project, "10.0.2.200");
        String body = body("own-port", null).replace("\"networks\": [{\"uuid\": \"" + network + "\"}]",
                "\"networks\": [{\"port\": \"" + port + "\"}]");
        UUID id = UUID.fromString(create(member, body).then().statusCode(202).extract().path("server.id"));
        JsonNodeHost spawn = awaitSpawn(id);
        assertEquals(port.toString(), spawn.command().path("ports").path(0).path("port_id").asText());
        assertEquals(id.toString(), world.port(port).path("device_id").asText());
        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        // a port in use cannot be given to another server
        create(member, body.replace("own-port", "thief")).then().statusCode(409);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, Commands.DELETE, spawn.host(), true, Reports.NOSTATE, null);
        awaitGone(id);
        JsonNode after = world.port(port);
        assertEquals("", after.path("device_id").asText(), "the user's port is unbound, not deleted");
        assertEquals("", after.path("binding:host_id").asText());
    }

    @Test
    void badInputIsRefusedInNovasFaultFormat() {
        as(member).body("{\"server\": ").post(SERVERS).then().statusCode(400).body("badRequest.code", equalTo(400));
        as(member).body("[]").post(SERVERS).then().statusCode(400);
        create(member, body("x", null).replace(flavor, "no-such-flavor")).then().statusCode(400)
                .body("badRequest.message", equalTo("Flavor no-such-flavor could not be found."));
        UUID unknownImage = UUID.randomUUID();
        create(member, body("x", null).replace(image.toString(), unknownImage.toString())).then().statusCode(400)
                .body("badRequest.message", equalTo("Image " + unknownImage + " could not be found."));
        UUID queued = world.image("queued", 0, Map.of());
        create(member, body("x", null).replace(image.toString(), queued.toString())).then().statusCode(400)
                .body("badRequest.message", equalTo("Image " + queued + " is not active."));
        UUID unknownNet = UUID.randomUUID();
        create(member, body("x", null).replace(network.toString(), unknownNet.toString())).then().statusCode(400)
                .body("badRequest.message", equalTo("Network " + unknownNet + " could not be found."));
        create(member, body("x", "\"key_name\": \"nope\"")).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid key_name provided."));
        create(member, body("x", "\"security_groups\": [{\"name\": \"nope\"}]")).then().statusCode(400)
                .body("badRequest.message", equalTo("Security group nope not found for project " + project + "."));
        create(member, body("x", "\"user_data\": \"not base64!\"")).then().statusCode(400)
                .body("badRequest.message", equalTo("User data needs to be valid base 64."));
        create(member, body("x", "\"min_count\": 3, \"max_count\": 2")).then().statusCode(400);
        create(member, body("x", "\"bogus\": 1")).then().statusCode(400);
        create(member, body("", null)).then().statusCode(400);
        // through the typed body (ServerCreateBody): Nova's schema messages, unknown attributes still refused by name
        create(member, body("x", "\"bogus\": 1")).then().statusCode(400).body("badRequest.message", equalTo(
                "Invalid input for field/attribute server. Additional properties are not allowed ('bogus' was unexpected)"));
        as(member).body("{\"server\": {\"name\": 5}}").post(SERVERS).then().statusCode(400).body("badRequest.message",
                equalTo("Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'"));
        as(member).body("{\"servers\": {}}").post(SERVERS).then().statusCode(400).body("badRequest.message",
                equalTo("Invalid input for field/attribute server. Value: None. 'server' is a required property"));
        as(member).post(SERVERS).then().statusCode(400).body("badRequest.message", equalTo("The request body is missing."));
        create(member, body("x", null).replace(zone, "no-such-zone")).then().statusCode(400)
                .body("badRequest.message", equalTo("The requested availability zone is not available"));
        create(member, body("x", null).replace(image.toString(), "not-a-uuid")).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid imageRef provided."));
        create(reader, body("x", null)).then().statusCode(403).body("forbidden.code", equalTo(403));
        as(member).get(SERVERS + "/" + UUID.randomUUID()).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(member).get(SERVERS + "/not-a-uuid").then().statusCode(404);
        as(member).queryParam("name", "(").get(SERVERS).then().statusCode(400);
        assertEquals(0, world.longs("SELECT count(*) FROM server WHERE project_id = ?", project).get(0)[0],
                "nothing refused was stored");
    }

    @Test
    void aFlavorTooSmallForTheImageIsRefused() {
        UUID big = world.image("active", 5L * 1024 * 1024 * 1024, Map.of());
        create(member, body("x", null).replace(image.toString(), big.toString())).then().statusCode(400)
                .body("badRequest.message", startsWith("Flavor's disk is too small for requested image."));
    }

    @Test
    void quotaIsAForbiddenWithNovasMessage() {
        world.quota(project, "instances", 1);
        createAccepted("first");
        create(member, body("second", null)).then().statusCode(403)
                .body("forbidden.message", startsWith("Quota exceeded for instances"));
        // a max_count beyond the quota makes as many as fit
        world.quota(project, "instances", 3);
        create(member, body("batch", "\"min_count\": 1, \"max_count\": 5")).then().statusCode(202);
        assertEquals(3, world.longs("SELECT count(*) FROM server WHERE project_id = ?", project).get(0)[0]);
    }

    @Test
    void updateChangesTheNameAndPublishesAnEvent() {
        UUID id = createAccepted("before");
        as(member).body("{\"server\": {\"name\": \"after\"}}").put(SERVERS + "/" + id).then().statusCode(200)
                .body("server.name", equalTo("after"))
                .body("server", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("OS-EXT-STS:vm_state")))
                .body("server", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("key_name")))
                .body("server", org.hamcrest.Matchers.hasKey("hostId"));
        as(member).body("{\"server\": {\"name\": \"\"}}").put(SERVERS + "/" + id).then().statusCode(400);
        as(member).body("{\"server\": {\"flavorRef\": \"1\"}}").put(SERVERS + "/" + id).then().statusCode(400);
        as(reader).body("{\"server\": {\"name\": \"x\"}}").put(SERVERS + "/" + id).then().statusCode(403);
        assertEquals("after", world.serverColumn(id, "name"));
        assertEquals(1, world.longs("SELECT count(*) FROM strato_outbox WHERE subject = ? AND type = ?", id.toString(),
                "strato.compute.server.updated.v1").get(0)[0]);
        assertEquals(1, world.longs("SELECT count(*) FROM strato_outbox WHERE subject = ? AND type = ? AND topic = ?",
                id.toString(), "strato.compute.server.created.v1", "strato.compute").get(0)[0]);
    }
}
