package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** addFloatingIp and removeFloatingIp (below 2.44) against the stub network-service's floating IPs. */
@QuarkusTest
@ServersInfra
class ServerFloatingIpTest extends ServerTestBase {

    private String action(UUID id) {
        return SERVERS + "/" + id + "/action";
    }

    @Test
    void aFloatingIpGoesToTheServersFirstFixedAddressMovesAndComesOff() {
        UUID one = active("one");
        UUID two = active("two");
        UUID fip = world.floatingIp(project, "172.24.4.10");
        JsonNode port = world.portsOf(one).get(0);
        as(member).body("{\"addFloatingIp\": {\"address\": \"172.24.4.10\"}}").post(action(one)).then().statusCode(202);
        assertEquals(port.path("id").asText(), world.floatingIp(fip).path("port_id").asText());
        assertEquals(port.path("fixed_ips").path(0).path("ip_address").asText(),
                world.floatingIp(fip).path("fixed_ip_address").asText());

        // associating it again elsewhere moves it (Nova does not refuse); the old server no longer has it
        as(member).body("{\"addFloatingIp\": {\"address\": \"172.24.4.10\"}}").post(action(two)).then().statusCode(202);
        assertEquals(world.portsOf(two).get(0).path("id").asText(), world.floatingIp(fip).path("port_id").asText());
        as(member).body("{\"removeFloatingIp\": {\"address\": \"172.24.4.10\"}}").post(action(one)).then()
                .statusCode(409).body("conflictingRequest.message",
                        equalTo("Floating IP 172.24.4.10 is not associated with instance " + one + "."));
        as(member).body("{\"removeFloatingIp\": {\"address\": \"172.24.4.10\"}}").post(action(two)).then()
                .statusCode(202);
        assertTrue(world.floatingIp(fip).path("port_id").isNull());
        as(member).body("{\"removeFloatingIp\": {\"address\": \"172.24.4.10\"}}").post(action(two)).then()
                .statusCode(409);
    }

    @Test
    void unknownAddressesBadBodiesAndNewerMicroversionsAreRefused() {
        UUID id = active("refused");
        world.floatingIp(project, "172.24.4.11");
        as(member).body("{\"addFloatingIp\": {\"address\": \"0.0.0.0\"}}").post(action(id)).then().statusCode(404);
        as(member).body("{\"removeFloatingIp\": {\"address\": \"0.0.0.0\"}}").post(action(id)).then().statusCode(404);
        as(member).body("{\"addFloatingIp\": {\"address\": \"\"}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"addFloatingIp\": {}}").post(action(id)).then().statusCode(400);
        as(member).body("{\"addFloatingIp\": {\"address\": \"172.24.4.11\", \"x\": 1}}").post(action(id)).then()
                .statusCode(400);
        as(member).body("{\"addFloatingIp\": {\"address\": \"172.24.4.11\", \"fixed_address\": \"10.99.0.1\"}}")
                .post(action(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("Specified fixed address not assigned to instance"));
        as(reader).body("{\"addFloatingIp\": {\"address\": \"172.24.4.11\"}}").post(action(id)).then().statusCode(403);
        as(member).body("{\"addFloatingIp\": {\"address\": \"172.24.4.11\"}}").post(action(UUID.randomUUID())).then()
                .statusCode(404);
        at(member, 44).body("{\"addFloatingIp\": {\"address\": \"172.24.4.11\"}}").post(action(id)).then()
                .statusCode(404);
    }
}
