package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** os-ips (a server's addresses by network label) and the access addresses as Nova keeps them. */
@QuarkusTest
@ServersInfra
class ServerAddressesApiTest extends ServerTestBase {

    @Test
    void osIpsListsTheAddressesByNetworkLabelAndOneLabelsAlone() {
        UUID id = active("ips");
        String ip = world.portsOf(id).get(0).path("fixed_ips").path(0).path("ip_address").asText();
        String ips = SERVERS + "/" + id + "/ips";
        as(reader).get(ips).then().statusCode(200)
                .body("addresses.'" + networkName + "'[0].addr", equalTo(ip))
                .body("addresses.'" + networkName + "'[0].version", equalTo(4))
                .body("addresses.'" + networkName + "'[0]", not(hasKey("OS-EXT-IPS:type")));
        as(reader).get(ips + "/" + networkName).then().statusCode(200)
                .body("'" + networkName + "'.addr", equalTo(List.of(ip)));
        as(reader).get(ips + "/no-such-net").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance is not a member of specified network"));
        as(reader).get(SERVERS + "/" + UUID.randomUUID() + "/ips").then().statusCode(404);
        String stranger = io.strato.kit.testing.TestIdentity.token("x", ServerWorld.unique("other"), "member", "reader");
        as(stranger).get(ips).then().statusCode(404);
    }

    @Test
    void anAccessIpv6IsShownInItsShortForm() {
        String body = body("access", "\"accessIPv4\": \"1.1.1.1\", \"accessIPv6\": \"0000:0000:0000:0000:0000:babe:220.12.22.2\"");
        UUID id = UUID.fromString(create(member, body).then().statusCode(202).extract().path("server.id"));
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.accessIPv6", equalTo("::babe:dc0c:1602"))
                .body("server.accessIPv4", equalTo("1.1.1.1"));
        as(member).body("{\"server\": {\"accessIPv6\": \"2001:DB8:0:0:0:0:0:1\"}}").put(SERVERS + "/" + id).then()
                .statusCode(200).body("server.accessIPv6", equalTo("2001:db8::1"));
    }
}
