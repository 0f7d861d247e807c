package io.strato.network.ports;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.port;
import static io.strato.network.networks.Fixtures.subnet;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/** The network agents' DHCP ports never keep a network or subnet in use (Neutron's auto-deleted device owner). */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class DhcpPortReleaseTest {
    private final String project = newProject();
    private final String me = member(project);

    /** A DHCP port as the network agent asks for one: an address on each DHCP subnet. */
    String dhcpPort(String network, String... subnets) {
        StringBuilder ips = new StringBuilder();
        for (String s : subnets) {
            ips.append(ips.length() == 0 ? "" : ", ").append("{\"subnet_id\": \"").append(s).append("\"}");
        }
        return as(admin()).body("{\"port\": {\"network_id\": \"" + network + "\", \"device_owner\": \"network:dhcp\", "
                        + "\"device_id\": \"dhcp-host-1-" + network + "\", \"binding:host_id\": \"host-1\", "
                        + "\"fixed_ips\": [" + ips + "]}}")
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
    }

    @Test
    void aNetworkIsDeletedWithItsDhcpPortButNotWithAGuestsPort() {
        String net = network(me);
        String sub = subnet(me, net, "10.31.0.0/24");
        String dhcp = dhcpPort(net, sub);
        String guest = port(me, net);
        as(me).delete("/v2.0/networks/{id}", net).then().statusCode(409)
                .body("NeutronError.type", equalTo("NetworkInUse"));
        as(admin()).get("/v2.0/ports/{id}", dhcp).then().statusCode(200);
        as(me).delete("/v2.0/ports/{id}", guest).then().statusCode(204);
        as(me).delete("/v2.0/networks/{id}", net).then().statusCode(204);
        as(admin()).get("/v2.0/ports/{id}", dhcp).then().statusCode(404);
    }

    @Test
    void aDeletedSubnetTakesTheDhcpPortsAddressAndThePortWhenItWasItsOnly() {
        String net = network(me);
        String a = subnet(me, net, "10.32.0.0/24");
        String b = subnet(me, net, "10.33.0.0/24");
        String dhcp = dhcpPort(net, a, b);
        as(admin()).get("/v2.0/ports/{id}", dhcp).then().statusCode(200).body("port.fixed_ips", hasSize(2));
        as(me).delete("/v2.0/subnets/{id}", a).then().statusCode(204);
        as(admin()).get("/v2.0/ports/{id}", dhcp).then().statusCode(200).body("port.fixed_ips", hasSize(1))
                .body("port.fixed_ips[0].subnet_id", equalTo(b));
        as(me).delete("/v2.0/subnets/{id}", b).then().statusCode(204);
        as(admin()).get("/v2.0/ports/{id}", dhcp).then().statusCode(404);
        as(me).delete("/v2.0/networks/{id}", net).then().statusCode(204);
    }
}
