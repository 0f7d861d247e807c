package io.strato.network.floatingips;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import io.strato.network.routers.L3Fixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code /v2.0/floatingips}: allocation, the router path rule for association, what it protects, quota, isolation. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class FloatingIpApiTest {
    private final String project = newProject();
    private final String token = member(project);

    private String create(String token, String network) {
        return as(token).body(Map.of("floatingip", Map.of("floating_network_id", network)))
                .post("/v2.0/floatingips").then().statusCode(201).extract().path("floatingip.id");
    }

    private static Map<String, Object> port(String port) {
        var body = new HashMap<String, Object>();
        body.put("port_id", port);
        return Map.of("floatingip", body);
    }

    /**
     * The VPC of the design notes, as network.sh builds it: a tenant network with a public and a private
     * subnet, an internet gateway (router on the admin's external network), a floating IP mapped to a port.
     */
    @Test
    void vpcFlow() {
        var ext = L3Fixture.external("203.0.113.0/24");
        var vpc = L3Fixture.network(token, "10.0.1.0/24");
        String privateSubnet = Fixtures.subnet(token, vpc.id(), "10.0.2.0/24");
        String web = L3Fixture.port(token, vpc.id(), List.of(vpc.subnetId()));
        String router = L3Fixture.router(token);
        L3Fixture.addSubnet(token, router, vpc.subnetId());
        L3Fixture.setGateway(token, router, ext.id());

        String fip = as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id())))
                .post("/v2.0/floatingips").then().statusCode(201)
                .body("floatingip.floating_ip_address", startsWith("203.0.113."))
                .body("floatingip.floating_network_id", equalTo(ext.id()))
                .body("floatingip.port_id", nullValue())
                .body("floatingip.router_id", nullValue())
                .body("floatingip.status", equalTo("DOWN"))
                .body("floatingip.project_id", equalTo(project))
                .extract().path("floatingip.id");
        String address = as(token).get("/v2.0/floatingips/{id}", fip).then().statusCode(200).extract().path("floatingip.floating_ip_address");
        // openstack floating ip set --port web FIP
        as(token).body(port(web)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200)
                .body("floatingip.port_id", equalTo(web))
                .body("floatingip.fixed_ip_address", equalTo(L3Fixture.address(token, web)))
                .body("floatingip.router_id", equalTo(router))
                .body("floatingip.status", equalTo("ACTIVE"))
                .body("floatingip.port_details.network_id", equalTo(vpc.id()))
                .body("floatingip.port_details.mac_address", startsWith("fa:16:3e:"));
        // openstack floating ip show ADDRESS: by id first (404), then the list filtered by address
        as(token).get("/v2.0/floatingips/{a}", address).then().statusCode(404).body("NeutronError.type", equalTo("FloatingIPNotFound"));
        as(token).get("/v2.0/floatingips?floating_ip_address={a}", address).then().statusCode(200)
                .body("floatingips.id", contains(fip));
        as(token).get("/v2.0/floatingips?port_id={p}", web).then().body("floatingips.id", contains(fip));
        as(token).get("/v2.0/floatingips?router_id={r}&status=ACTIVE", router).then().body("floatingips.id", contains(fip));
        as(token).get("/v2.0/floatingips?floating_network_id={n}&fixed_ip_address={f}", ext.id(), L3Fixture.address(token, web))
                .then().body("floatingips.id", contains(fip));
        as(token).get("/v2.0/floatingips?project_id={p}", project).then().body("floatingips", hasSize(1));
        // a private subnet without a router path is no place for it
        String db = L3Fixture.port(token, vpc.id(), List.of(privateSubnet));
        as(token).body(port(db)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404)
                .body("NeutronError.type", equalTo("ExternalGatewayForFloatingIPNotFound"));
        // tear down in the acceptance's order
        as(token).delete("/v2.0/floatingips/{id}", fip).then().statusCode(204);
        as(token).get("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        as(admin()).get("/v2.0/ports?device_id={f}", fip).then().body("ports", empty());
        as(token).body("{\"router\": {\"external_gateway_info\": {}}}").put("/v2.0/routers/{id}", router).then().statusCode(200);
        as(token).body(Map.of("subnet_id", vpc.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", router).then().statusCode(200);
        as(token).delete("/v2.0/routers/{id}", router).then().statusCode(204);
    }

    @Test
    void associationWithoutARouterPathIsRefused() {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.1.1.0/24");
        String p = Fixtures.port(token, net.id());
        String fip = create(token, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404)
                .body("NeutronError.type", equalTo("ExternalGatewayForFloatingIPNotFound"))
                .body("NeutronError.message", equalTo("External network " + ext.id() + " is not reachable from subnet "
                        + net.subnetId() + ".  Therefore, cannot associate Port " + p + " with a Floating IP."));
        // an interface alone, or a gateway alone, is no path either
        String r = L3Fixture.router(token);
        L3Fixture.addSubnet(token, r, net.subnetId());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        String other = L3Fixture.router(token);
        L3Fixture.setGateway(token, other, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        // at create, too
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "port_id", p)))
                .post("/v2.0/floatingips").then().statusCode(404).body("NeutronError.type", equalTo("ExternalGatewayForFloatingIPNotFound"));
        L3Fixture.setGateway(token, r, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200).body("floatingip.router_id", equalTo(r));
    }

    @Test
    void associationAtCreateAndTheFixedAddressRules() {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.2.1.0/24");
        String second = Fixtures.subnet(token, net.id(), "10.2.2.0/24");
        String router = L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        L3Fixture.addSubnet(token, router, second);
        String twoAddresses = L3Fixture.port(token, net.id(), List.of(net.subnetId(), second));
        String onFirst = as(token).get("/v2.0/ports/{id}", twoAddresses).then().extract()
                .path("port.fixed_ips.find { it.subnet_id == '" + net.subnetId() + "' }.ip_address");
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "port_id", twoAddresses)))
                .post("/v2.0/floatingips").then().statusCode(400)
                .body("NeutronError.message", containsString("has multiple fixed IPv4 addresses"));
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "port_id", twoAddresses,
                        "fixed_ip_address", "10.2.9.9")))
                .post("/v2.0/floatingips").then().statusCode(400).body("NeutronError.message", containsString("does not have fixed ip"));
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "fixed_ip_address", onFirst)))
                .post("/v2.0/floatingips").then().statusCode(400)
                .body("NeutronError.message", containsString("cannot be specified without a port_id"));
        String fip = as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "port_id", twoAddresses,
                        "fixed_ip_address", onFirst)))
                .post("/v2.0/floatingips").then().statusCode(201)
                .body("floatingip.fixed_ip_address", equalTo(onFirst))
                .body("floatingip.status", equalTo("ACTIVE"))
                .extract().path("floatingip.id");
        // one fixed address has one floating IP
        String another = create(token, ext.id());
        as(token).body(Map.of("floatingip", Map.of("port_id", twoAddresses, "fixed_ip_address", onFirst)))
                .put("/v2.0/floatingips/{id}", another).then().statusCode(409)
                .body("NeutronError.type", equalTo("FloatingIPPortAlreadyAssociated"));
        // the port's other address may have its own
        String onSecond = as(token).get("/v2.0/ports/{id}", twoAddresses).then().extract()
                .path("port.fixed_ips.find { it.subnet_id == '" + second + "' }.ip_address");
        as(token).body(Map.of("floatingip", Map.of("port_id", twoAddresses, "fixed_ip_address", onSecond)))
                .put("/v2.0/floatingips/{id}", another).then().statusCode(200).body("floatingip.fixed_ip_address", equalTo(onSecond));
        // openstack floating ip unset --port
        as(token).body(port(null)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200)
                .body("floatingip.port_id", nullValue()).body("floatingip.fixed_ip_address", nullValue())
                .body("floatingip.router_id", nullValue()).body("floatingip.status", equalTo("DOWN"))
                .body("floatingip.port_details", nullValue());
        // a description change leaves the association alone
        as(token).body(Map.of("floatingip", Map.of("description", "web"))).put("/v2.0/floatingips/{id}", another)
                .then().statusCode(200).body("floatingip.port_id", equalTo(twoAddresses)).body("floatingip.description", equalTo("web"));
    }

    @Test
    void aGatewayOrInterfaceAFloatingIpUsesCannotGo() {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.3.1.0/24");
        String router = L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        String p = Fixtures.port(token, net.id());
        String fip = create(token, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);

        as(token).body("{\"router\": {\"external_gateway_info\": {}}}").put("/v2.0/routers/{id}", router).then().statusCode(409)
                .body("NeutronError.type", equalTo("RouterExternalGatewayInUseByFloatingIp"));
        var elsewhere = L3Fixture.external("192.0.2.0/24");
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", elsewhere.id()))))
                .put("/v2.0/routers/{id}", router).then().statusCode(409);
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", router).then().statusCode(409)
                .body("NeutronError.type", equalTo("RouterInterfaceInUseByFloatingIP"));
        as(token).delete("/v2.0/routers/{id}", router).then().statusCode(409).body("NeutronError.type", equalTo("RouterInUse"));
        as(token).get("/v2.0/routers/{id}", router).then()
                .body("router.external_gateway_info.network_id", equalTo(ext.id()));

        as(token).body(port(null)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", router).then().statusCode(200);
        as(token).body("{\"router\": {\"external_gateway_info\": {}}}").put("/v2.0/routers/{id}", router).then().statusCode(200);
    }

    @Test
    void onlyExternalNetworksGiveFloatingIps() {
        var internal = L3Fixture.network(token, "10.4.1.0/24");
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", internal.id()))).post("/v2.0/floatingips")
                .then().statusCode(400).body("NeutronError.message",
                        equalTo("Bad floatingip request: Network " + internal.id() + " is not a valid external network."));
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", "00000000-0000-0000-0000-000000000004")))
                .post("/v2.0/floatingips").then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        var foreign = L3Fixture.network(member(newProject()), "10.4.2.0/24");
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", foreign.id()))).post("/v2.0/floatingips")
                .then().statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        as(token).body(Map.of("floatingip", Map.of())).post("/v2.0/floatingips").then().statusCode(400);
        var ext = L3Fixture.external("203.0.113.0/24");
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "floating_ip_address", "203.0.113.99")))
                .post("/v2.0/floatingips").then().statusCode(403);
        as(admin()).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "floating_ip_address", "203.0.113.99",
                        "project_id", project)))
                .post("/v2.0/floatingips").then().statusCode(201)
                .body("floatingip.floating_ip_address", equalTo("203.0.113.99")).body("floatingip.project_id", equalTo(project));
    }

    @Test
    void deletingAnExternalNetworkDeletesItsUnassociatedFloatingIps() {
        var ext = L3Fixture.external("198.51.100.0/24");
        String fip = as(admin()).body(Map.of("floatingip", Map.of("floating_network_id", ext.id())))
                .post("/v2.0/floatingips").then().statusCode(201).extract().path("floatingip.id");
        as(admin()).delete("/v2.0/networks/{id}", ext.id()).then().statusCode(204);
        as(admin()).get("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        as(admin()).get("/v2.0/subnets/{id}", ext.subnetId()).then().statusCode(404);
        as(admin()).get("/v2.0/ports?network_id=" + ext.id()).then().statusCode(200).body("ports", empty());
    }

    @Test
    void floatingIpQuota() {
        var ext = L3Fixture.external("203.0.113.0/24");
        Fixtures.quota(admin(), project, "floatingip", 1);
        String first = create(token, ext.id());
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext.id()))).post("/v2.0/floatingips")
                .then().statusCode(409).body("NeutronError.type", equalTo("OverQuota"));
        as(token).delete("/v2.0/floatingips/{id}", first).then().statusCode(204);
        create(token, ext.id());
    }

    @Test
    void anotherProjectsFloatingIpIs404AndItsPortsAreNotOurs() {
        var ext = L3Fixture.external("203.0.113.0/24");
        String fip = create(token, ext.id());
        String other = member(newProject());
        as(other).get("/v2.0/floatingips/{id}", fip).then().statusCode(404).body("NeutronError.type", equalTo("FloatingIPNotFound"));
        as(other).body(port(null)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        as(other).delete("/v2.0/floatingips/{id}", fip).then().statusCode(404);
        as(other).get("/v2.0/floatingips").then().statusCode(200).body("floatingips.id", not(hasItem(fip)));
        // nor may a member map their floating IP to another project's port
        var foreign = L3Fixture.network(other, "10.5.1.0/24");
        String foreignPort = Fixtures.port(other, foreign.id());
        as(token).body(port(foreignPort)).put("/v2.0/floatingips/{id}", fip).then().statusCode(404)
                .body("NeutronError.type", equalTo("PortNotFound"));
        as(admin()).get("/v2.0/floatingips/{id}", fip).then().statusCode(200);
    }

    @Test
    void routersAndFloatingIpsTellTheCloud() throws Throwable {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.6.1.0/24");
        String router = L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        String p = Fixtures.port(token, net.id());
        String fip = create(token, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(Map.of("floatingip", Map.of("description", "x"))).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(port(null)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).delete("/v2.0/floatingips/{id}", fip).then().statusCode(204);
        as(token).body(Map.of("subnet_id", net.subnetId())).put("/v2.0/routers/{id}/remove_router_interface", router).then().statusCode(200);
        as(token).delete("/v2.0/routers/{id}", router).then().statusCode(204);
        String v = ".v1";
        assertEquals(List.of("strato.network.floatingip.created" + v, "strato.network.floatingip.associated" + v,
                "strato.network.floatingip.updated" + v, "strato.network.floatingip.disassociated" + v,
                "strato.network.floatingip.deleted" + v), L3Fixture.events(fip));
        assertEquals(List.of("strato.network.router.created" + v, "strato.network.router.interface_added" + v,
                "strato.network.router.updated" + v, "strato.network.router.interface_removed" + v,
                "strato.network.router.deleted" + v), L3Fixture.events(router));
    }

    @Test
    void deletingTheAssociatedPortDisassociates() throws Throwable {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.7.1.0/24");
        L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        String p = Fixtures.port(token, net.id());
        String fip = create(token, ext.id());
        as(token).body(port(p)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).delete("/v2.0/ports/{id}", p).then().statusCode(204);
        as(token).get("/v2.0/floatingips/{id}", fip).then().statusCode(200)
                .body("floatingip.port_id", nullValue()).body("floatingip.fixed_ip_address", nullValue())
                .body("floatingip.router_id", nullValue()).body("floatingip.status", equalTo("DOWN"));
        assertEquals("strato.network.floatingip.disassociated.v1", L3Fixture.events(fip).get(2));
    }

    /**
     * A host agent keeps the copy of a floating IP with the highest revision: every change is published as the
     * floating IP after it, with its revision bumped (a move to another port too, and a disassociation because the
     * port went), and the deleted event outranks them all.
     */
    @Test
    void everyChangeIsPublishedAsTheFloatingIpAfterIt() throws Throwable {
        var ext = L3Fixture.external("203.0.113.0/24");
        var net = L3Fixture.network(token, "10.8.1.0/24");
        L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        String one = Fixtures.port(token, net.id());
        String two = Fixtures.port(token, net.id());
        String fip = create(token, ext.id());
        as(token).body(port(one)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(port(two)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(port(null)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).body(port(one)).put("/v2.0/floatingips/{id}", fip).then().statusCode(200);
        as(token).delete("/v2.0/ports/{id}", one).then().statusCode(204);
        as(token).delete("/v2.0/floatingips/{id}", fip).then().statusCode(204);

        List<L3Fixture.Event> events = L3Fixture.eventsWithData(fip);
        String v = "strato.network.floatingip.";
        assertEquals(List.of(v + "created.v1", v + "associated.v1", v + "associated.v1", v + "disassociated.v1",
                v + "associated.v1", v + "disassociated.v1", v + "deleted.v1"), events.stream().map(L3Fixture.Event::type).toList());
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            var data = events.get(i).data();
            assertEquals(i, data.path("revision_number").asInt(), "revision of " + events.get(i));
            ports.add(data.path("port_id").isNull() ? null : data.path("port_id").asText());
            assertEquals(data.path("port_id").isNull() ? "DOWN" : "ACTIVE", data.path("status").asText());
        }
        var expected = new ArrayList<String>(java.util.Arrays.asList(null, one, two, null, one, null, null));
        assertEquals(expected, ports);
    }

    /** Neutron's answers for an external network without an IPv4 subnet ({@code l3_db.py}). */
    @Test
    void anExternalNetworkWithoutAnIpv4Subnet() {
        String owner = newProject();
        String ext = Fixtures.network(admin(), "\"router:external\": true, \"project_id\": \"" + owner + "\"");
        String refused = "Bad floatingip request: Network " + ext + " does not contain any IPv4 subnet.";
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext))).post("/v2.0/floatingips")
                .then().statusCode(400).body("NeutronError.type", equalTo("BadRequest")).body("NeutronError.message", equalTo(refused));
        // a router gateway there is created without an address (Neutron logs "No IPs available for external network")
        String router = L3Fixture.router(token);
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", ext))))
                .put("/v2.0/routers/{id}", router).then().statusCode(200)
                .body("router.external_gateway_info.network_id", equalTo(ext))
                .body("router.external_gateway_info.external_fixed_ips", empty());
        as(admin()).get("/v2.0/ports?device_id={r}&device_owner=network:router_gateway", router).then().statusCode(200)
                .body("ports", hasSize(1)).body("ports[0].fixed_ips", empty());
        // an IPv6 subnet alone does not do either
        as(admin()).body(Map.of("subnet", Map.of("network_id", ext, "cidr", "2001:db8:14::/64", "ip_version", 6, "project_id", owner)))
                .post("/v2.0/subnets").then().statusCode(201);
        as(token).body(Map.of("floatingip", Map.of("floating_network_id", ext))).post("/v2.0/floatingips")
                .then().statusCode(400).body("NeutronError.message", equalTo(refused));
        as(token).body("{\"router\": {\"external_gateway_info\": {}}}").put("/v2.0/routers/{id}", router).then().statusCode(200)
                .body("router.external_gateway_info", nullValue());
    }

    /** Many projects at once on a /29 external subnet (5 usable addresses): never one address twice. */
    @Test
    void concurrentCreatesOnASmallExternalSubnetNeverShareAnAddress() throws Exception {
        var ext = L3Fixture.external("198.18.0.0/29");
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String t = member(newProject());
                calls.add(() -> as(t).body(Map.of("floatingip", Map.of("floating_network_id", ext.id())))
                        .post("/v2.0/floatingips").thenReturn());
            }
            List<String> addresses = new ArrayList<>();
            int refused = 0;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                if (r.statusCode() == 201) {
                    addresses.add(r.path("floatingip.floating_ip_address"));
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    refused++;
                }
            }
            assertEquals(5, addresses.size(), "the /29's five usable addresses: " + addresses);
            assertEquals(5, new HashSet<>(addresses).size(), "an address handed out twice: " + addresses);
            assertEquals(attempts - 5, refused);
            addresses.forEach(a -> assertTrue(a.startsWith("198.18.0."), a));
        } finally {
            pool.shutdownNow();
        }
    }
}
