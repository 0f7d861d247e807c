package io.strato.network.networks;

import static io.restassured.RestAssured.given;
import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.NetworkApi.reader;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.port;
import static io.strato.network.networks.Fixtures.subnet;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code openstack network create/list/show/set/delete}: attributes, who sees what, segments, and deletion. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class NetworkApiTest {
    private final String project = newProject();
    private final String me = member(project);

    @Test
    void aMemberCreatesShowsUpdatesAndDeletesANetwork() {
        String id = as(me).body("{\"network\": {\"name\": \"vpc\", \"admin_state_up\": true}}").post("/v2.0/networks")
                .then().statusCode(201)
                .body("network.name", equalTo("vpc"))
                .body("network.status", equalTo("ACTIVE"))
                .body("network.shared", equalTo(false))
                .body("network.'router:external'", equalTo(false))
                .body("network.mtu", equalTo(1450))
                .body("network.port_security_enabled", equalTo(true))
                .body("network.subnets", empty())
                .body("network.availability_zone_hints", empty())
                .body("network.project_id", equalTo(project))
                .body("network.tenant_id", equalTo(project))
                .body("network.revision_number", equalTo(0))
                .body("network", not(hasKey("provider:network_type")))
                .extract().path("network.id");
        as(me).get("/v2.0/networks/{id}", id).then().statusCode(200).body("network.name", equalTo("vpc"));
        as(reader(project)).get("/v2.0/networks/{id}", id).then().statusCode(200);
        as(me).get("/v2.0/networks?name=vpc").then().statusCode(200).body("networks.id", hasItem(id));
        as(me).get("/v2.0/networks/{id}?fields=id&fields=name", id).then().statusCode(200)
                .body("network.name", equalTo("vpc")).body("network", not(hasKey("mtu")));
        as(me).body("{\"network\": {\"name\": \"vpc2\", \"admin_state_up\": false}}").put("/v2.0/networks/{id}", id)
                .then().statusCode(200).body("network.name", equalTo("vpc2"))
                .body("network.admin_state_up", equalTo(false)).body("network.revision_number", equalTo(1));
        as(reader(project)).body("{\"network\": {\"name\": \"x\"}}").put("/v2.0/networks/{id}", id).then().statusCode(403);
        as(me).delete("/v2.0/networks/{id}", id).then().statusCode(204);
        as(me).get("/v2.0/networks/{id}", id).then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
    }

    @Test
    void anotherProjectsPrivateNetworkIs404AndUnlisted() {
        String mine = network(me);
        String other = member(newProject());
        as(other).get("/v2.0/networks/{id}", mine).then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        as(other).body("{\"network\": {\"name\": \"x\"}}").put("/v2.0/networks/{id}", mine).then().statusCode(404);
        as(other).delete("/v2.0/networks/{id}", mine).then().statusCode(404);
        as(other).get("/v2.0/networks").then().statusCode(200).body("networks.id", not(hasItem(mine)));
        as(other).get("/v2.0/networks?id=" + mine).then().statusCode(200).body("networks", empty());
        as(admin()).get("/v2.0/networks/{id}", mine).then().statusCode(200);
    }

    @Test
    void sharedAndExternalNetworksAreVisibleToAllButOnlyTheirOwnerChangesThem() {
        String shared = Fixtures.adminNetwork("\"shared\": true");
        String external = Fixtures.adminNetwork("\"router:external\": true");
        as(me).get("/v2.0/networks/{id}", shared).then().statusCode(200).body("network.shared", equalTo(true));
        as(me).get("/v2.0/networks/{id}", external).then().statusCode(200).body("network.'router:external'", equalTo(true));
        as(me).get("/v2.0/networks").then().statusCode(200).body("networks.id", hasItem(shared)).body("networks.id", hasItem(external));
        as(me).get("/v2.0/networks?router:external=True").then().statusCode(200)
                .body("networks.id", hasItem(external)).body("networks.id", not(hasItem(shared)));
        // an external network's subnets stay its owner's unless it is shared too (Neutron's get_subnet)
        String externalSubnet = Fixtures.subnet(admin(), external, "198.51.100.0/24");
        String sharedSubnet = Fixtures.subnet(admin(), shared, "198.51.101.0/24");
        as(me).get("/v2.0/subnets?network_id=" + external).then().statusCode(200).body("subnets", empty());
        as(me).get("/v2.0/subnets/{id}", externalSubnet).then().statusCode(404);
        as(me).get("/v2.0/subnets/{id}", sharedSubnet).then().statusCode(200);
        as(admin()).delete("/v2.0/subnets/{id}", externalSubnet).then().statusCode(204);
        as(admin()).delete("/v2.0/subnets/{id}", sharedSubnet).then().statusCode(204);
        as(me).body("{\"network\": {\"name\": \"mine now\"}}").put("/v2.0/networks/{id}", shared).then().statusCode(403);
        as(me).delete("/v2.0/networks/{id}", shared).then().statusCode(403);
        as(admin()).delete("/v2.0/networks/{id}", shared).then().statusCode(204);
        as(admin()).delete("/v2.0/networks/{id}", external).then().statusCode(204);
    }

    @Test
    void sharingExternalAndProviderAttributesAreTheAdminsOnly() {
        as(me).body("{\"network\": {\"shared\": true}}").post("/v2.0/networks").then().statusCode(403)
                .body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(me).body("{\"network\": {\"router:external\": true}}").post("/v2.0/networks").then().statusCode(403);
        as(me).body("{\"network\": {\"provider:network_type\": \"vlan\"}}").post("/v2.0/networks").then().statusCode(403);
        as(me).body("{\"network\": {\"project_id\": \"" + newProject() + "\"}}").post("/v2.0/networks").then().statusCode(403);
        String id = network(me);
        as(me).body("{\"network\": {\"shared\": true}}").put("/v2.0/networks/{id}", id).then().statusCode(403);
        as(admin()).body("{\"network\": {\"shared\": true}}").put("/v2.0/networks/{id}", id).then().statusCode(200)
                .body("network.shared", equalTo(true));
    }

    @Test
    void tenantNetworksGetDistinctVniFromTheRangeAndAdminsSeeThem() {
        String a = network(me);
        String b = network(me);
        Integer vniA = as(admin()).get("/v2.0/networks/{id}", a).then().statusCode(200)
                .body("network.'provider:network_type'", equalTo("vxlan"))
                .body("network.'provider:physical_network'", nullValue())
                .extract().path("network.'provider:segmentation_id'");
        Integer vniB = as(admin()).get("/v2.0/networks/{id}", b).then().extract().path("network.'provider:segmentation_id'");
        org.junit.jupiter.api.Assertions.assertNotEquals(vniA, vniB);
        org.junit.jupiter.api.Assertions.assertTrue(vniA >= 1001 && vniB >= 1001);
    }

    @Test
    void providerNetworksAreCheckedAsNeutronsTypeDriversDo() {
        String vlan = as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vlan\", \"provider:physical_network\": \"physnet1\"}}")
                .post("/v2.0/networks").then().statusCode(201)
                .body("network.'provider:physical_network'", equalTo("physnet1"))
                .body("network.'provider:segmentation_id'", notNullValue())
                .extract().path("network.id");
        Integer taken = as(admin()).get("/v2.0/networks/{id}", vlan).then().extract().path("network.'provider:segmentation_id'");
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vlan\", \"provider:physical_network\": \"physnet1\", "
                        + "\"provider:segmentation_id\": " + taken + "}}")
                .post("/v2.0/networks").then().statusCode(409).body("NeutronError.type", equalTo("VlanIdInUse"));
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vlan\", \"provider:physical_network\": \"physnet1\", "
                        + "\"provider:segmentation_id\": 4095}}")
                .post("/v2.0/networks").then().statusCode(400).body("NeutronError.message", containsString("out of range"));
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vlan\", \"provider:physical_network\": \"nope\"}}")
                .post("/v2.0/networks").then().statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vxlan\", \"provider:segmentation_id\": 16777216}}")
                .post("/v2.0/networks").then().statusCode(400);
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"gre\"}}").post("/v2.0/networks").then().statusCode(400);
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"flat\"}}").post("/v2.0/networks").then().statusCode(400);
        // an id of its own: the test database outlives runs
        int vni = 5_000_000 + new java.util.Random().nextInt(10_000_000);
        String vxlan = as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vxlan\", \"provider:segmentation_id\": " + vni + "}}")
                .post("/v2.0/networks").then().statusCode(201).extract().path("network.id");
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:network_type\": \"vxlan\", \"provider:segmentation_id\": " + vni + "}}")
                .post("/v2.0/networks").then().statusCode(409).body("NeutronError.type", equalTo("TunnelIdInUse"));
        as(admin()).body("{\"network\": {" + Fixtures.ownProject() + ", \"provider:segmentation_id\": 5}}").put("/v2.0/networks/{id}", vxlan).then().statusCode(400);
        as(admin()).delete("/v2.0/networks/{id}", vlan).then().statusCode(204);
        as(admin()).delete("/v2.0/networks/{id}", vxlan).then().statusCode(204);
    }

    @Test
    void aNetworkWithPortsIsInUseAndGoesWithItsSubnetsOnceTheyAreGone() {
        String net = network(me);
        String sub = subnet(me, net, "10.20.0.0/24");
        String port = port(me, net);
        as(me).delete("/v2.0/networks/{id}", net).then().statusCode(409).body("NeutronError.type", equalTo("NetworkInUse"));
        as(me).delete("/v2.0/ports/{id}", port).then().statusCode(204);
        as(me).get("/v2.0/networks/{id}", net).then().body("network.subnets", equalTo(List.of(sub)));
        as(me).delete("/v2.0/networks/{id}", net).then().statusCode(204);
        as(me).get("/v2.0/subnets/{id}", sub).then().statusCode(404).body("NeutronError.type", equalTo("SubnetNotFound"));
    }

    @Test
    void bulkCreatesMakeAllTheNetworksAndSubnetsOrNone() {
        List<String> nets = as(me).body("{\"networks\": [{\"name\": \"bulk-a\"}, {\"name\": \"bulk-b\"}]}")
                .post("/v2.0/networks").then().statusCode(201)
                .body("networks.name", equalTo(List.of("bulk-a", "bulk-b")))
                .body("networks.project_id", equalTo(List.of(project, project)))
                .extract().path("networks.id");
        as(me).body("{\"subnets\": [{\"network_id\": \"" + nets.get(0) + "\", \"cidr\": \"10.21.0.0/24\", \"ip_version\": 4},"
                        + " {\"network_id\": \"" + nets.get(1) + "\", \"cidr\": \"10.21.1.0/24\", \"ip_version\": 4}]}")
                .post("/v2.0/subnets").then().statusCode(201)
                .body("subnets.cidr", equalTo(List.of("10.21.0.0/24", "10.21.1.0/24")))
                .body("subnets.network_id", equalTo(nets));
        // the second subnet is bad: the first is not left behind
        as(me).body("{\"subnets\": [{\"network_id\": \"" + nets.get(0) + "\", \"cidr\": \"10.21.2.0/24\", \"ip_version\": 4},"
                        + " {\"network_id\": \"" + nets.get(1) + "\", \"cidr\": \"10.21.3.0/33\", \"ip_version\": 4}]}")
                .post("/v2.0/subnets").then().statusCode(400).body("NeutronError", hasKey("type"));
        as(me).get("/v2.0/subnets?cidr=10.21.2.0/24").then().statusCode(200).body("subnets", empty());
        // the second network asks for what a member may not have: neither is made
        as(me).body("{\"networks\": [{\"name\": \"bulk-c\"}, {\"name\": \"bulk-d\", \"shared\": true}]}")
                .post("/v2.0/networks").then().statusCode(403);
        as(me).get("/v2.0/networks?name=bulk-c").then().statusCode(200).body("networks", empty());
        as(me).body("{\"networks\": []}").post("/v2.0/networks").then().statusCode(400).body("NeutronError", hasKey("type"));
    }

    @Test
    void booleansAreReadAsNeutronConvertsThem() {
        // neutron-lib's convert_to_boolean is oslo's bool_from_string: "no", "0", "off", "f" are false too
        as(me).body("{\"network\": {\"name\": \"off\", \"admin_state_up\": \"no\"}}").post("/v2.0/networks").then()
                .statusCode(201).body("network.admin_state_up", equalTo(false));
        as(me).body("{\"network\": {\"name\": \"on\", \"admin_state_up\": \"Yes\"}}").post("/v2.0/networks").then()
                .statusCode(201).body("network.admin_state_up", equalTo(true));
    }

    @Test
    void badRequestsAreNeutronErrors() {
        as(me).body("{\"network\": ").post("/v2.0/networks").then().statusCode(400).body("NeutronError.type", notNullValue());
        as(me).body("{\"network\": {\"colour\": \"blue\"}}").post("/v2.0/networks").then().statusCode(400)
                .body("NeutronError.message", containsString("colour"));
        as(me).body("{\"network\": {\"admin_state_up\": \"maybe\"}}").post("/v2.0/networks").then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: '\"maybe\"' is not a valid boolean value for admin_state_up."));
        as(me).body("{\"network\": {\"mtu\": 9000}}").post("/v2.0/networks").then().statusCode(400);
        as(me).get("/v2.0/networks/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        as(me).get("/v2.0/networks/not-a-uuid").then().statusCode(404)
                .body("NeutronError.message", equalTo("Network not-a-uuid could not be found."));
        // Java's UUID.fromString reads 1-1-1-1-1; only canonical UUIDs name a network
        as(me).get("/v2.0/networks/1-1-1-1-1").then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        as(me).body("{\"network\": {\"name\": \"n\"}}").put("/v2.0/networks/1-1-1-1-1").then().statusCode(404)
                .body("NeutronError.message", equalTo("Network 1-1-1-1-1 could not be found."));
        given().get("/v2.0/networks").then().statusCode(401);
    }
}
