package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /servers/{id}/os-interface}: the server's ports as network-service has them, in Nova's shape. */
@QuarkusTest
@ServersInfra
class ServerInterfacesTest extends ServerTestBase {

    @Test
    void aServersPortsAreListedAndShownWithTheirState() {
        UUID id = UUID.fromString(create(member, body("wired", "")).then().statusCode(202).extract().path("server.id"));
        world.answer(id, Commands.SPAWN, awaitSpawn(id).host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        List<JsonNode> ports = world.portsOf(id);
        JsonNode port = ports.get(0);
        String portId = port.path("id").asText();
        String path = SERVERS + "/" + id + "/os-interface";

        as(reader).get(path).then().statusCode(200)
                .body("interfaceAttachments", hasSize(ports.size()))
                .body("interfaceAttachments[0].port_id", equalTo(portId))
                .body("interfaceAttachments[0].net_id", equalTo(port.path("network_id").asText()))
                .body("interfaceAttachments[0].mac_addr", equalTo(port.path("mac_address").asText()))
                .body("interfaceAttachments[0].port_state", equalTo(port.path("status").asText()))
                .body("interfaceAttachments[0].fixed_ips[0].ip_address",
                        equalTo(port.path("fixed_ips").path(0).path("ip_address").asText()))
                .body("interfaceAttachments[0].fixed_ips[0].subnet_id",
                        equalTo(port.path("fixed_ips").path(0).path("subnet_id").asText()))
                .body("interfaceAttachments[0]", not(hasKey("tag")));
        as(reader).get(path + "/" + portId).then().statusCode(200)
                .body("interfaceAttachment.port_id", equalTo(portId))
                .body("interfaceAttachment", not(hasKey("tag")));
        // 2.70: tag, null (Strato takes no device tags)
        at(reader, 70).get(path).then().statusCode(200)
                .body("interfaceAttachments[0]", hasKey("tag"))
                .body("interfaceAttachments[0].tag", nullValue());
        at(reader, 70).get(path + "/" + portId).then().statusCode(200)
                .body("interfaceAttachment", hasKey("tag"));
    }

    @Test
    void aPortOfAnotherServerOrNoneIsNotFoundAndOthersSeeNothing() {
        UUID id = UUID.fromString(create(member, body("one", "")).then().statusCode(202).extract().path("server.id"));
        world.answer(id, Commands.SPAWN, awaitSpawn(id).host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        UUID other = UUID.fromString(create(member, body("two", "")).then().statusCode(202).extract().path("server.id"));
        world.answer(other, Commands.SPAWN, awaitSpawn(other).host(), true, Reports.RUNNING, null);
        awaitStatus(other, "ACTIVE");
        String othersPort = world.portsOf(other).get(0).path("id").asText();
        String path = SERVERS + "/" + id + "/os-interface";

        as(member).get(path + "/" + othersPort).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + id + " does not have a port with id " + othersPort));
        UUID none = UUID.randomUUID();
        as(member).get(path + "/" + none).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Port " + none + " could not be found."));
        as(member).get(path + "/not-a-uuid").then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(TestIdentity.token("other", ServerWorld.unique("p"), "member", "reader")).get(path).then().statusCode(404);
        as(member).get(SERVERS + "/" + UUID.randomUUID() + "/os-interface").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }

    @Test
    void attachingAndDetachingAreRefusedWithA400AfterThePolicy() {
        UUID id = UUID.fromString(create(member, body("fixed", "")).then().statusCode(202).extract().path("server.id"));
        world.answer(id, Commands.SPAWN, awaitSpawn(id).host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        String path = SERVERS + "/" + id + "/os-interface";
        String portId = world.portsOf(id).get(0).path("id").asText();

        as(member).contentType("application/json").body("{\"interfaceAttachment\": {}}").post(path).then()
                .statusCode(400).body("badRequest.message", equalTo(
                        io.strato.compute.interfaces.InterfaceAttachmentResource.UNSUPPORTED));
        as(member).delete(path + "/" + portId).then().statusCode(400).body("badRequest.code", equalTo(400));
        as(reader).contentType("application/json").body("{\"interfaceAttachment\": {}}").post(path).then()
                .statusCode(403);
        as(reader).delete(path + "/" + portId).then().statusCode(403);
    }
}
