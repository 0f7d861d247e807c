package io.strato.network.routers;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.NetworkApi.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v2.0/routers}: life cycle, gateway, interfaces, static routes, quota and isolation. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class RouterApiTest {
    private final String project = newProject();
    private final String token = member(project);

    @Test
    void createShowListUpdateDelete() {
        String id = as(token).body(Map.of("router", Map.of("name", "edge", "description", "d")))
                .post("/v2.0/routers").then().statusCode(201)
                .body("router.name", equalTo("edge"))
                .body("router.status", equalTo("ACTIVE"))
                .body("router.admin_state_up", equalTo(true))
                .body("router.external_gateway_info", nullValue())
                .body("router.routes", empty())
                .body("router.distributed", equalTo(false))
                .body("router.ha", equalTo(false))
                .body("router.availability_zones", empty())
                .body("router.project_id", equalTo(project))
                .body("router.tenant_id", equalTo(project))
                .body("router.revision_number", equalTo(0))
                .extract().path("router.id");
        as(token).get("/v2.0/routers/{id}", id).then().statusCode(200).body("router.description", equalTo("d"));
        as(token).get("/v2.0/routers/{id}?fields=name", id).then().statusCode(200)
                .body("router.name", equalTo("edge")).body("router.id", nullValue());
        as(token).get("/v2.0/routers?name=edge").then().statusCode(200).body("routers.id", contains(id));
        as(token).body(Map.of("router", Map.of("name", "edge2", "admin_state_up", false))).put("/v2.0/routers/{id}", id)
                .then().statusCode(200).body("router.name", equalTo("edge2")).body("router.admin_state_up", equalTo(false))
                .body("router.revision_number", equalTo(1));
        as(token).delete("/v2.0/routers/{id}", id).then().statusCode(204);
        as(token).get("/v2.0/routers/{id}", id).then().statusCode(404).body("NeutronError.type", equalTo("RouterNotFound"));
    }

    @Test
    void aNameIsNoRouterId() {
        as(token).get("/v2.0/routers/edge").then().statusCode(404).body("NeutronError.type", equalTo("RouterNotFound"));
        as(token).body("{\"router\": ").post("/v2.0/routers").then().statusCode(400);
        as(token).body(Map.of("router", Map.of("bogus", 1))).post("/v2.0/routers").then().statusCode(400)
                .body("NeutronError.message", containsString("bogus"));
    }

    @Test
    void gatewayOnANonExternalNetworkIs400() {
        var internal = L3Fixture.network(token, "10.10.0.0/24");
        String r = L3Fixture.router(token);
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", internal.id()))))
                .put("/v2.0/routers/{id}", r).then().statusCode(400)
                .body("NeutronError.type", equalTo("BadRequest"))
                .body("NeutronError.message", equalTo("Bad router request: Network " + internal.id() + " is not an external network."));
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", "00000000-0000-0000-0000-000000000001"))))
                .put("/v2.0/routers/{id}", r).then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        as(token).get("/v2.0/routers/{id}", r).then().body("router.external_gateway_info", nullValue());
    }

    @Test
    void gatewayTakesAnExternalAddressAndGoesWhenCleared() {
        var ext = L3Fixture.external("198.51.100.0/24");
        String r = as(token).body(Map.of("router", Map.of("name", "gw", "external_gateway_info", Map.of("network_id", ext.id()))))
                .post("/v2.0/routers").then().statusCode(201)
                .body("router.external_gateway_info.network_id", equalTo(ext.id()))
                .body("router.external_gateway_info.enable_snat", equalTo(true))
                .body("router.external_gateway_info.external_fixed_ips", hasSize(1))
                .body("router.external_gateway_info.external_fixed_ips[0].subnet_id", equalTo(ext.subnetId()))
                .body("router.external_gateway_info.external_fixed_ips[0].ip_address", startsWith("198.51.100."))
                .extract().path("router.id");
        as(admin()).get("/v2.0/ports?device_id={r}", r).then().statusCode(200)
                .body("ports.device_owner", contains("network:router_gateway"))
                .body("ports.project_id", contains(project));
        // openstack router unset --external-gateway
        as(token).body("{\"router\": {\"external_gateway_info\": {}}}").put("/v2.0/routers/{id}", r).then().statusCode(200)
                .body("router.external_gateway_info", nullValue());
        as(admin()).get("/v2.0/ports?device_id={r}", r).then().statusCode(200).body("ports", empty());
    }

    @Test
    void turningSnatOffOrChoosingTheAddressIsForAdmins() {
        var ext = L3Fixture.external("198.51.100.0/24");
        String r = L3Fixture.router(token);
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", ext.id(), "enable_snat", false))))
                .put("/v2.0/routers/{id}", r).then().statusCode(403).body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", ext.id(),
                        "external_fixed_ips", List.of(Map.of("ip_address", "198.51.100.77"))))))
                .put("/v2.0/routers/{id}", r).then().statusCode(403);
        as(admin()).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", ext.id(), "enable_snat", false,
                        "external_fixed_ips", List.of(Map.of("subnet_id", ext.subnetId(), "ip_address", "198.51.100.77"))))))
                .put("/v2.0/routers/{id}", r).then().statusCode(200)
                .body("router.external_gateway_info.enable_snat", equalTo(false))
                .body("router.external_gateway_info.external_fixed_ips[0].ip_address", equalTo("198.51.100.77"));
        as(admin()).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", ext.id(),
                        "external_fixed_ips", List.of(Map.of("ip_address", "198.51.100.1"))))))
                .put("/v2.0/routers/{id}", r).then().statusCode(400)
                .body("NeutronError.message", containsString("is the same as the gateway IP"));
    }

    @Test
    void interfaceBySubnetTakesTheGatewayAddress() {
        var net = L3Fixture.network(token, "10.20.1.0/24");
        String r = L3Fixture.router(token);
        String port = as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/add_router_interface", r)
                .then().statusCode(200)
                .body("id", equalTo(r))
                .body("subnet_id", equalTo(net.subnetId()))
                .body("subnet_ids", contains(net.subnetId()))
                .body("network_id", equalTo(net.id()))
                .body("tenant_id", equalTo(project))
                .body("project_id", equalTo(project))
                .body("port_id", notNullValue())
                .extract().path("port_id");
        as(token).get("/v2.0/ports/{id}", port).then().statusCode(200)
                .body("port.device_owner", equalTo("network:router_interface"))
                .body("port.device_id", equalTo(r))
                .body("port.fixed_ips[0].ip_address", equalTo("10.20.1.1"));
        // the same subnet again, on this router or another
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/add_router_interface", r)
                .then().statusCode(400).body("NeutronError.message", containsString("already has a port on subnet"));
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/add_router_interface", L3Fixture.router(token))
                .then().statusCode(400);
        // an overlapping subnet of another network
        var overlapping = L3Fixture.network(token, "10.20.0.0/16");
        as(token).body(Map.of("subnet_id", overlapping.subnetId())).put("/v2.0/routers/{id}/add_router_interface", r)
                .then().statusCode(400).body("NeutronError.message", containsString("overlaps with cidr"));
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", r)
                .then().statusCode(200).body("port_id", equalTo(port)).body("subnet_id", equalTo(net.subnetId()));
        as(token).get("/v2.0/ports/{id}", port).then().statusCode(404);
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", r)
                .then().statusCode(404).body("NeutronError.type", equalTo("RouterInterfaceNotFoundForSubnet"));
    }

    @Test
    void aSubnetWithoutGatewayCannotJoin() {
        var net = L3Fixture.network(token, "10.21.1.0/24");
        String noGateway = L3Fixture.subnetWithoutGateway(token, net.id(), "10.21.2.0/24");
        as(token).body(Map.of("subnet_id", noGateway)).put("/v2.0/routers/{id}/add_router_interface", L3Fixture.router(token))
                .then().statusCode(400)
                .body("NeutronError.message", equalTo("Bad router request: Subnet for router interface must have a gateway IP."));
    }

    @Test
    void interfaceByPortAndItsRemoval() {
        var net = L3Fixture.network(token, "10.22.1.0/24");
        String r = L3Fixture.router(token);
        String port = Fixtures.port(token, net.id());
        as(token).body(Map.of("port_id", port)).put("/v2.0/routers/{id}/add_router_interface", r).then().statusCode(200)
                .body("port_id", equalTo(port)).body("subnet_ids", contains(net.subnetId()));
        as(token).get("/v2.0/ports/{id}", port).then()
                .body("port.device_owner", equalTo("network:router_interface")).body("port.device_id", equalTo(r));
        // a port already in use by a device
        as(token).body(Map.of("port_id", port)).put("/v2.0/routers/{id}/add_router_interface", L3Fixture.router(token))
                .then().statusCode(409).body("NeutronError.type", equalTo("PortInUse"));
        as(token).body(Map.of("port_id", "00000000-0000-0000-0000-000000000002")).put("/v2.0/routers/{id}/remove_router_interface", r)
                .then().statusCode(404).body("NeutronError.type", equalTo("RouterInterfaceNotFound"));
        as(token).body(Map.of("port_id", port)).put("/v2.0/routers/{id}/remove_router_interface", r).then().statusCode(200)
                .body("port_id", equalTo(port));
        as(token).get("/v2.0/ports/{id}", port).then().statusCode(404);
        as(token).body("{}").put("/v2.0/routers/{id}/add_router_interface", r).then().statusCode(400)
                .body("NeutronError.message", containsString("Either subnet_id or port_id must be specified"));
    }

    @Test
    void aRouterWithInterfacesCannotBeDeletedAndItsGatewayPortGoesWithIt() {
        var ext = L3Fixture.external("198.51.100.0/24");
        var net = L3Fixture.network(token, "10.23.1.0/24");
        String r = L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        as(token).delete("/v2.0/routers/{id}", r).then().statusCode(409)
                .body("NeutronError.type", equalTo("RouterInUse"))
                .body("NeutronError.message", equalTo("Router " + r + " still has ports"));
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", r).then().statusCode(200);
        as(token).delete("/v2.0/routers/{id}", r).then().statusCode(204);
        as(admin()).get("/v2.0/ports?device_id={r}", r).then().statusCode(200).body("ports", empty());
    }

    @Test
    void staticRoutesNeedAConnectedNexthop() {
        var net = L3Fixture.network(token, "10.24.1.0/24");
        String r = L3Fixture.router(token);
        L3Fixture.addSubnet(token, r, net.subnetId());
        var route = Map.of("destination", "172.16.0.0/16", "nexthop", "10.24.1.10");
        as(token).body(Map.of("router", Map.of("routes", List.of(Map.of("destination", "172.16.0.0/16", "nexthop", "10.99.0.1")))))
                .put("/v2.0/routers/{id}", r).then().statusCode(400).body("NeutronError.type", equalTo("InvalidRoutes"));
        as(token).body(Map.of("router", Map.of("routes", List.of(Map.of("destination", "172.16.0.0/16", "nexthop", "10.24.1.1")))))
                .put("/v2.0/routers/{id}", r).then().statusCode(400).body("NeutronError.message", containsString("used by router"));
        as(token).body(Map.of("router", Map.of("routes", List.of(route)))).put("/v2.0/routers/{id}", r).then().statusCode(200)
                .body("router.routes", contains(route));
        // openstack router add route / remove route
        var second = Map.of("destination", "172.17.0.0/16", "nexthop", "10.24.1.11");
        as(token).body(Map.of("router", Map.of("routes", List.of(route, second)))).put("/v2.0/routers/{id}/add_extraroutes", r)
                .then().statusCode(200).body("router.routes", contains(route, second));
        as(token).body(Map.of("router", Map.of("routes", List.of(Map.of("destination", "10.0.0.0/8", "nexthop", "192.0.2.1")))))
                .put("/v2.0/routers/{id}/add_extraroutes", r).then().statusCode(400).body("NeutronError.type", equalTo("InvalidRoutes"));
        // the interface the next hops are on is needed by the routes
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", r)
                .then().statusCode(409).body("NeutronError.type", equalTo("RouterInterfaceInUseByRoute"));
        as(token).body(Map.of("router", Map.of("routes", List.of(route, second)))).put("/v2.0/routers/{id}/remove_extraroutes", r)
                .then().statusCode(200).body("router.routes", empty());
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", r).then().statusCode(200);
    }

    @Test
    void routerQuota() {
        Fixtures.quota(admin(), project, "router", 2);
        L3Fixture.router(token);
        L3Fixture.router(token);
        as(token).body(Map.of("router", Map.of("name", "third"))).post("/v2.0/routers").then().statusCode(409)
                .body("NeutronError.type", equalTo("OverQuota"))
                .body("NeutronError.message", containsString("router"));
        as(token).get("/v2.0/routers").then().body("routers", hasSize(2));
    }

    @Test
    void anotherProjectsRouterIs404AndAReaderCannotChangeOne() {
        String r = L3Fixture.router(token);
        String other = member(newProject());
        as(other).get("/v2.0/routers/{id}", r).then().statusCode(404).body("NeutronError.type", equalTo("RouterNotFound"));
        as(other).body(Map.of("router", Map.of("name", "x"))).put("/v2.0/routers/{id}", r).then().statusCode(404);
        as(other).delete("/v2.0/routers/{id}", r).then().statusCode(404);
        as(other).body("{\"subnet_id\": \"00000000-0000-0000-0000-000000000003\"}").put("/v2.0/routers/{id}/add_router_interface", r)
                .then().statusCode(404);
        as(other).get("/v2.0/routers").then().statusCode(200).body("routers.id", not(hasItem(r)));
        as(admin()).get("/v2.0/routers/{id}", r).then().statusCode(200);
        as(reader(project)).get("/v2.0/routers/{id}", r).then().statusCode(200);
        as(reader(project)).body(Map.of("router", Map.of("name", "x"))).put("/v2.0/routers/{id}", r).then().statusCode(403);
        as(reader(project)).delete("/v2.0/routers/{id}", r).then().statusCode(403);
        // a member creates only in their own project
        as(token).body(Map.of("router", Map.of("project_id", newProject()))).post("/v2.0/routers").then().statusCode(403);
    }

    @Test
    void anotherProjectsSubnetCannotJoinAMembersRouter() {
        var foreign = L3Fixture.network(member(newProject()), "10.25.1.0/24");
        as(token).body(Map.of("subnet_id", foreign.subnetId())).put("/v2.0/routers/{id}/add_router_interface", L3Fixture.router(token))
                .then().statusCode(404).body("NeutronError.type", equalTo("SubnetNotFound"));
    }
}
