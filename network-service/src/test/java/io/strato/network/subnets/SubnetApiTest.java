package io.strato.network.subnets;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.subnet;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code openstack subnet create/list/show/set/delete}: defaults, validation through the API, overlap, in-use, who may. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class SubnetApiTest {
    private final String project = newProject();
    private final String me = member(project);

    @Test
    void aSubnetGetsNeutronsDefaultsAndJoinsItsNetwork() {
        String net = network(me);
        String id = as(me).body("{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.0.1.0/24\", "
                        + "\"name\": \"public\", \"enable_dhcp\": false, \"dns_nameservers\": [\"8.8.8.8\"]}}")
                .post("/v2.0/subnets").then().statusCode(201)
                .body("subnet.cidr", equalTo("10.0.1.0/24"))
                .body("subnet.gateway_ip", equalTo("10.0.1.1"))
                .body("subnet.allocation_pools", equalTo(List.of(Map.of("start", "10.0.1.2", "end", "10.0.1.254"))))
                .body("subnet.enable_dhcp", equalTo(false))
                .body("subnet.dns_nameservers", equalTo(List.of("8.8.8.8")))
                .body("subnet.host_routes", empty())
                .body("subnet.subnetpool_id", nullValue())
                .body("subnet.ipv6_ra_mode", nullValue())
                .body("subnet.project_id", equalTo(project))
                .extract().path("subnet.id");
        as(me).get("/v2.0/networks/{id}", net).then().body("network.subnets", equalTo(List.of(id)));
        as(me).get("/v2.0/subnets?network_id=" + net).then().statusCode(200).body("subnets.id", equalTo(List.of(id)));
        as(me).get("/v2.0/subnets?name=public&network_id=" + net).then().body("subnets.id", equalTo(List.of(id)));
        as(me).get("/v2.0/subnets/{id}", id).then().statusCode(200).body("subnet.name", equalTo("public"));
    }

    @Test
    void anIpv6SubnetAndHostBitsNormalised() {
        String net = network(me);
        as(me).body("{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 6, \"cidr\": \"2001:db8:a::5/64\", "
                        + "\"ipv6_ra_mode\": \"slaac\", \"ipv6_address_mode\": \"slaac\"}}")
                .post("/v2.0/subnets").then().statusCode(201)
                .body("subnet.cidr", equalTo("2001:db8:a::/64"))
                .body("subnet.gateway_ip", equalTo("2001:db8:a::1"))
                .body("subnet.ipv6_address_mode", equalTo("slaac"));
    }

    @Test
    void invalidSubnetsAre400Or409ThroughTheApi() {
        String net = network(me);
        String base = "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, ";
        as(me).body(base + "\"cidr\": \"10.0.300.0/24\"}}").post("/v2.0/subnets").then().statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"))
                .body("NeutronError.message", containsString("10.0.300.0/24"));
        as(me).body(base + "\"cidr\": \"10.0.0.0/24\", \"gateway_ip\": \"10.0.1.1\"}}").post("/v2.0/subnets").then().statusCode(400);
        as(me).body(base + "\"cidr\": \"10.0.0.0/24\", \"allocation_pools\": [{\"start\": \"10.0.0.20\", \"end\": \"10.0.0.10\"}]}}")
                .post("/v2.0/subnets").then().statusCode(400).body("NeutronError.type", equalTo("InvalidAllocationPool"));
        as(me).body(base + "\"cidr\": \"10.0.0.0/24\", \"allocation_pools\": [{\"start\": \"10.0.0.1\", \"end\": \"10.0.0.10\"}]}}")
                .post("/v2.0/subnets").then().statusCode(409).body("NeutronError.type", equalTo("GatewayConflictWithAllocationPools"));
        as(me).body("{\"subnet\": {\"ip_version\": 4, \"cidr\": \"10.0.0.0/24\"}}").post("/v2.0/subnets").then().statusCode(400);
        as(me).body("{\"subnet\": ").post("/v2.0/subnets").then().statusCode(400);
        as(me).body("{\"subnet\": {\"network_id\": \"00000000-0000-0000-0000-000000000000\", \"cidr\": \"10.0.0.0/24\"}}")
                .post("/v2.0/subnets").then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
    }

    @Test
    void overlappingSubnetsOnOneNetworkAreRefusedButNotAcrossNetworks() {
        String net = network(me);
        subnet(me, net, "10.0.1.0/24");
        String base = "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, ";
        as(me).body(base + "\"cidr\": \"10.0.1.128/25\"}}").post("/v2.0/subnets").then().statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"))
                .body("NeutronError.message", containsString("overlaps with another subnet"));
        as(me).body(base + "\"cidr\": \"10.0.0.0/16\"}}").post("/v2.0/subnets").then().statusCode(400);
        subnet(me, net, "10.0.2.0/24");
        subnet(me, network(me), "10.0.1.0/24");
    }

    @Test
    void aSubnetWithAPortCannotBeDeletedUntilThePortIsGone() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.9.0/30");
        String port = as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + sub + "\"}]}}")
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
        as(me).delete("/v2.0/subnets/{id}", sub).then().statusCode(409).body("NeutronError.type", equalTo("SubnetInUse"));
        as(me).delete("/v2.0/ports/{id}", port).then().statusCode(204);
        as(me).delete("/v2.0/subnets/{id}", sub).then().statusCode(204);
        as(me).get("/v2.0/subnets/{id}", sub).then().statusCode(404).body("NeutronError.type", equalTo("SubnetNotFound"));
        as(me).get("/v2.0/networks/{id}", net).then().body("network.subnets", empty());
    }

    @Test
    void updatesChangeNameGatewayPoolsDnsAndRoutes() {
        String sub = subnet(me, network(me), "10.0.5.0/24");
        as(me).body("{\"subnet\": {\"name\": \"renamed\", \"gateway_ip\": \"10.0.5.254\", "
                        + "\"allocation_pools\": [{\"start\": \"10.0.5.10\", \"end\": \"10.0.5.20\"}], "
                        + "\"dns_nameservers\": [\"1.1.1.1\"], \"host_routes\": [{\"destination\": \"172.16.0.0/12\", \"nexthop\": \"10.0.5.254\"}], "
                        + "\"enable_dhcp\": false}}")
                .put("/v2.0/subnets/{id}", sub).then().statusCode(200)
                .body("subnet.name", equalTo("renamed"))
                .body("subnet.gateway_ip", equalTo("10.0.5.254"))
                .body("subnet.allocation_pools", equalTo(List.of(Map.of("start", "10.0.5.10", "end", "10.0.5.20"))))
                .body("subnet.dns_nameservers", equalTo(List.of("1.1.1.1")))
                .body("subnet.host_routes[0].destination", equalTo("172.16.0.0/12"))
                .body("subnet.revision_number", equalTo(1));
        as(me).body("{\"subnet\": {\"gateway_ip\": \"10.0.5.15\"}}").put("/v2.0/subnets/{id}", sub).then().statusCode(409)
                .body("NeutronError.type", equalTo("GatewayConflictWithAllocationPools"));
        as(me).body("{\"subnet\": {\"gateway_ip\": null}}").put("/v2.0/subnets/{id}", sub).then().statusCode(200)
                .body("subnet.gateway_ip", nullValue());
        as(me).body("{\"subnet\": {\"cidr\": \"10.0.6.0/24\"}}").put("/v2.0/subnets/{id}", sub).then().statusCode(400);
    }

    @Test
    void onlyTheNetworksOwnerAddsSubnetsAndOthersCannotSeePrivateOnes() {
        String shared = Fixtures.adminNetwork("\"shared\": true");
        String sharedSubnet = subnet(admin(), shared, "10.50.0.0/24");
        as(me).body("{\"subnet\": {\"network_id\": \"" + shared + "\", \"ip_version\": 4, \"cidr\": \"10.51.0.0/24\"}}")
                .post("/v2.0/subnets").then().statusCode(403);
        as(me).get("/v2.0/subnets/{id}", sharedSubnet).then().statusCode(200);
        as(me).get("/v2.0/subnets").then().body("subnets.id", hasItem(sharedSubnet));
        as(me).delete("/v2.0/subnets/{id}", sharedSubnet).then().statusCode(403);

        String mine = subnet(me, network(me), "10.52.0.0/24");
        String other = member(newProject());
        as(other).get("/v2.0/subnets/{id}", mine).then().statusCode(404).body("NeutronError.type", equalTo("SubnetNotFound"));
        as(other).get("/v2.0/subnets").then().body("subnets.id", not(hasItem(mine)));
        as(other).delete("/v2.0/subnets/{id}", mine).then().statusCode(404);
        as(other).body("{\"subnet\": {\"network_id\": \"" + as(me).get("/v2.0/subnets/{id}", mine).then().extract().path("subnet.network_id")
                        + "\", \"ip_version\": 4, \"cidr\": \"10.53.0.0/24\"}}")
                .post("/v2.0/subnets").then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
    }

    @Test
    void subnetQuotaIsClaimed() {
        String project2 = newProject();
        String member2 = member(project2);
        io.strato.network.networks.Fixtures.quota(admin(), project2, "subnet", 1);
        String net = network(member2);
        subnet(member2, net, "10.60.0.0/24");
        as(member2).body("{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.61.0.0/24\"}}")
                .post("/v2.0/subnets").then().statusCode(409).body("NeutronError.type", equalTo("OverQuota"));
    }
}
