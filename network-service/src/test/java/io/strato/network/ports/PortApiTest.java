package io.strato.network.ports;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.port;
import static io.strato.network.networks.Fixtures.subnet;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code openstack port create/list/show/set/delete}: addresses, MACs, security, binding, isolation, protection. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class PortApiTest {
    private final String project = newProject();
    private final String me = member(project);

    @Inject
    DevicePorts ports;

    @Inject
    RecordingReleaser releaser;

    @Test
    void aPortGetsAnAddressAMacAndTheDefaultGroup() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.1.0/24");
        String id = as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"name\": \"p0\", \"admin_state_up\": true}}")
                .post("/v2.0/ports").then().statusCode(201)
                .body("port.fixed_ips", equalTo(List.of(Map.of("subnet_id", sub, "ip_address", "10.0.1.2"))))
                .body("port.mac_address", startsWith("fa:16:3e:"))
                .body("port.status", equalTo("DOWN"))
                .body("port.port_security_enabled", equalTo(true))
                .body("port.security_groups", hasSize(1))
                .body("port.'binding:vnic_type'", equalTo("normal"))
                .body("port", not(hasKey("binding:host_id")))
                .body("port.project_id", equalTo(project))
                .extract().path("port.id");
        String group = as(me).get("/v2.0/ports/{id}", id).then().statusCode(200).extract().path("port.security_groups[0]");
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .body("port.security_groups", equalTo(List.of(group)))
                .body("port.fixed_ips[0].ip_address", equalTo("10.0.1.3"));
        as(me).get("/v2.0/ports?network_id=" + net).then().statusCode(200).body("ports", hasSize(2));
        as(me).queryParam("fixed_ips", "ip_address=10.0.1.2").get("/v2.0/ports").then().statusCode(200)
                .body("ports.id", equalTo(List.of(id)));
        as(me).queryParam("fixed_ips", "subnet_id=" + sub).queryParam("name", "p0").get("/v2.0/ports").then()
                .body("ports.id", equalTo(List.of(id)));
        as(me).queryParam("fixed_ips", "mac=1").get("/v2.0/ports").then().statusCode(400);
    }

    @Test
    void fixedIpsFilterByAnAddressSubstring() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.7.0/24");
        String withAddress = "{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + sub
                + "\", \"ip_address\": \"%s\"}]}}";
        String nine = as(me).body(withAddress.formatted("10.0.7.9")).post("/v2.0/ports").then().statusCode(201)
                .extract().path("port.id");
        String ten = as(me).body(withAddress.formatted("10.0.7.10")).post("/v2.0/ports").then().statusCode(201)
                .extract().path("port.id");
        String hundred = as(me).body(withAddress.formatted("10.0.7.100")).post("/v2.0/ports").then().statusCode(201)
                .extract().path("port.id");
        as(me).queryParam("fixed_ips", "ip_address_substr=7.1").queryParam("network_id", net).get("/v2.0/ports").then()
                .statusCode(200).body("ports.id", org.hamcrest.Matchers.containsInAnyOrder(ten, hundred));
        as(me).queryParam("fixed_ips", "ip_address_substr=.9").queryParam("network_id", net).get("/v2.0/ports").then()
                .body("ports.id", equalTo(List.of(nine)));
        // LIKE's wildcards are plain characters in the substring
        as(me).queryParam("fixed_ips", "ip_address_substr=10_0").queryParam("network_id", net).get("/v2.0/ports").then()
                .statusCode(200).body("ports", empty());
        as(me).queryParam("fixed_ips", "ip_address_substr=%").queryParam("network_id", net).get("/v2.0/ports").then()
                .statusCode(200).body("ports", empty());
        // with ip_address too, both must hold
        as(me).queryParam("fixed_ips", "ip_address_substr=7.1").queryParam("fixed_ips", "ip_address=10.0.7.100")
                .get("/v2.0/ports").then().body("ports.id", equalTo(List.of(hundred)));
        // another project's ports never match
        as(member(newProject())).queryParam("fixed_ips", "ip_address_substr=10.0.7.").get("/v2.0/ports").then()
                .statusCode(200).body("ports.id", not(hasItem(nine)));
    }

    @Test
    void fieldsCutEachListedPortAndTheShownOneButNotTheNextLinkOrAFault() {
        String net = network(me);
        subnet(me, net, "10.0.2.0/24");
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"name\": \"a\"}}").post("/v2.0/ports").then().statusCode(201);
        String id = as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"name\": \"b\"}}").post("/v2.0/ports")
                .then().statusCode(201).extract().path("port.id");
        as(me).queryParam("network_id", net).queryParam("fields", "id").queryParam("fields", "fixed_ips")
                .queryParam("limit", 1).get("/v2.0/ports").then().statusCode(200)
                .body("ports", hasSize(1))
                .body("ports[0].keySet()", equalTo(java.util.Set.of("id", "fixed_ips")))
                .body("ports[0].fixed_ips[0].ip_address", startsWith("10.0.2."))
                .body("ports_links[0].rel", equalTo("next"))
                .body("ports_links[0].href", org.hamcrest.Matchers.containsString("marker="));
        as(me).queryParam("fields", "name,binding:vnic_type").get("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.keySet()", equalTo(java.util.Set.of("name", "binding:vnic_type")))
                .body("port.name", equalTo("b"));
        as(me).queryParam("fields", "id").get("/v2.0/ports/{id}", UUID.randomUUID().toString()).then().statusCode(404)
                .body("NeutronError.type", equalTo("PortNotFound"));
    }

    @Test
    void theTypedBodyKeepsNeutronsValidationMessages() {
        String net = network(me);
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"colour\": \"red\", \"bogus\": null}}")
                .post("/v2.0/ports").then().statusCode(400)
                .body("NeutronError.type", equalTo("HTTPBadRequest"))
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'bogus, colour'"))
                .body("NeutronError.detail", equalTo(""));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"name\": 5}}").post("/v2.0/ports").then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: '5' is not a valid string for name."));
        as(me).body("{\"port\": {\"name\": \"p\"}}").post("/v2.0/ports").then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: network_id is required."));
        as(me).body("{\"network\": {}}").post("/v2.0/ports").then().statusCode(400)
                .body("NeutronError.message", equalTo("Resource body required: the request body must be {\"port\": {...}}."));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"binding:host_id\": 7}}").post("/v2.0/ports").then()
                .statusCode(400).body("NeutronError.message", equalTo("Invalid input for operation: '7' is not a valid string for binding:host_id."));
    }

    @Test
    void aChosenAddressIsHandedOutOnceAndAnExhaustedSubnetRefuses() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.1.0/24");
        String tiny = subnet(me, net, "10.0.9.0/30");
        String chosen = "{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + sub + "\", \"ip_address\": \"10.0.1.50\"}]}}";
        as(me).body(chosen).post("/v2.0/ports").then().statusCode(201).body("port.fixed_ips[0].ip_address", equalTo("10.0.1.50"));
        as(me).body(chosen).post("/v2.0/ports").then().statusCode(409).body("NeutronError.type", equalTo("IpAddressAlreadyAllocated"));
        String onTiny = "{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + tiny + "\"}]}}";
        as(me).body(onTiny).post("/v2.0/ports").then().statusCode(201).body("port.fixed_ips[0].ip_address", equalTo("10.0.9.2"));
        as(me).body(onTiny).post("/v2.0/ports").then().statusCode(409)
                .body("NeutronError.type", equalTo("IpAddressGenerationFailure"))
                .body("NeutronError.message", equalTo("No more IP addresses available on network " + net + "."));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"ip_address\": \"192.168.0.1\"}]}}")
                .post("/v2.0/ports").then().statusCode(400).body("NeutronError.type", equalTo("InvalidIpForNetwork"));
    }

    @Test
    void aBulkCreateMakesAllThePortsOrNone() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.1.0/24");
        as(me).body("{\"ports\": [{\"network_id\": \"" + net + "\", \"name\": \"b1\"}, {\"network_id\": \"" + net
                        + "\", \"name\": \"b2\"}]}")
                .post("/v2.0/ports").then().statusCode(201)
                .body("ports.name", equalTo(List.of("b1", "b2")))
                .body("ports.network_id", equalTo(List.of(net, net)));
        // the second asks for the first's address: nothing of the bulk stays
        String taken = "{\"network_id\": \"" + net + "\", \"name\": \"b3\", \"fixed_ips\": [{\"subnet_id\": \"" + sub
                + "\", \"ip_address\": \"10.0.1.77\"}]}";
        as(me).body("{\"ports\": [" + taken + ", " + taken + "]}").post("/v2.0/ports").then().statusCode(409)
                .body("NeutronError.type", equalTo("IpAddressAlreadyAllocated"));
        as(me).get("/v2.0/ports?network_id=" + net + "&name=b3").then().statusCode(200).body("ports", empty());
        as(me).body("{\"ports\": []}").post("/v2.0/ports").then().statusCode(400);
    }

    @Test
    void replacingFixedIpsFreesTheOldAddress() {
        String net = network(me);
        String sub = subnet(me, net, "10.0.2.0/24");
        String id = port(me, net);
        as(me).body("{\"port\": {\"fixed_ips\": [{\"subnet_id\": \"" + sub + "\", \"ip_address\": \"10.0.2.77\"}]}}")
                .put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.fixed_ips", equalTo(List.of(Map.of("subnet_id", sub, "ip_address", "10.0.2.77"))))
                .body("port.revision_number", equalTo(1));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .body("port.fixed_ips[0].ip_address", equalTo("10.0.2.2"));
    }

    @Test
    void anotherProjectsPortIs404AndItsPrivateNetworkTakesNoPorts() {
        String net = network(me);
        subnet(me, net, "10.0.3.0/24");
        String mine = port(me, net);
        String other = member(newProject());
        as(other).get("/v2.0/ports/{id}", mine).then().statusCode(404).body("NeutronError.type", equalTo("PortNotFound"));
        as(other).get("/v2.0/ports").then().body("ports.id", not(hasItem(mine)));
        as(other).body("{\"port\": {\"name\": \"x\"}}").put("/v2.0/ports/{id}", mine).then().statusCode(404);
        as(other).delete("/v2.0/ports/{id}", mine).then().statusCode(404);
        as(other).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
    }

    @Test
    void onASharedNetworkOthersGetPortsButDoNotChooseAddresses() {
        String shared = Fixtures.adminNetwork("\"shared\": true");
        String sub = subnet(admin(), shared, "10.70.0.0/24");
        as(me).body("{\"port\": {\"network_id\": \"" + shared + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .body("port.project_id", equalTo(project));
        as(me).body("{\"port\": {\"network_id\": \"" + shared + "\", \"fixed_ips\": [{\"subnet_id\": \"" + sub
                        + "\", \"ip_address\": \"10.70.0.99\"}]}}").post("/v2.0/ports").then().statusCode(403);
    }

    @Test
    void portSecurityRulesAreNeutrons() {
        String net = network(me);
        subnet(me, net, "10.0.4.0/24");
        String group = as(me).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .extract().path("port.security_groups[0]");
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"port_security_enabled\": false, \"security_groups\": [\"" + group + "\"]}}")
                .post("/v2.0/ports").then().statusCode(409).body("NeutronError.type", equalTo("PortSecurityAndIPRequiredForSecurityGroups"));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"port_security_enabled\": false, "
                        + "\"allowed_address_pairs\": [{\"ip_address\": \"10.0.4.200\"}]}}")
                .post("/v2.0/ports").then().statusCode(409).body("NeutronError.type", equalTo("AddressPairAndPortSecurityRequired"));
        String open = as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"port_security_enabled\": false}}")
                .post("/v2.0/ports").then().statusCode(201).body("port.security_groups", empty()).extract().path("port.id");
        as(me).body("{\"port\": {\"security_groups\": [\"" + group + "\"]}}").put("/v2.0/ports/{id}", open).then().statusCode(409);
        String guarded = port(me, net);
        as(me).body("{\"port\": {\"port_security_enabled\": false}}").put("/v2.0/ports/{id}", guarded).then().statusCode(409)
                .body("NeutronError.type", equalTo("PortSecurityPortHasSecurityGroup"));
        as(me).body("{\"port\": {\"port_security_enabled\": false, \"security_groups\": []}}").put("/v2.0/ports/{id}", guarded)
                .then().statusCode(200).body("port.port_security_enabled", equalTo(false)).body("port.security_groups", empty());
        String insecureNet = network(me, "\"port_security_enabled\": false");
        subnet(me, insecureNet, "10.0.5.0/24");
        as(me).body("{\"port\": {\"network_id\": \"" + insecureNet + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .body("port.port_security_enabled", equalTo(false)).body("port.security_groups", empty());
    }

    @Test
    void securityGroupsAreCheckedAndReplacedAsAList() {
        String net = network(me);
        subnet(me, net, "10.0.6.0/24");
        String id = port(me, net);
        String group = as(me).get("/v2.0/ports/{id}", id).then().extract().path("port.security_groups[0]");
        as(me).body("{\"port\": {\"security_groups\": []}}").put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.security_groups", empty());
        as(me).body("{\"port\": {\"security_groups\": [\"" + group + "\"]}}").put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.security_groups", equalTo(List.of(group)));
        as(me).body("{\"port\": {\"security_groups\": [\"" + UUID.randomUUID() + "\"]}}").put("/v2.0/ports/{id}", id)
                .then().statusCode(404).body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        // another project's default group is not this project's to use
        String otherProject = newProject();
        String otherNet = network(member(otherProject));
        subnet(member(otherProject), otherNet, "10.0.7.0/24");
        String foreignGroup = as(member(otherProject)).body("{\"port\": {\"network_id\": \"" + otherNet + "\"}}").post("/v2.0/ports")
                .then().statusCode(201).extract().path("port.security_groups[0]");
        as(me).body("{\"port\": {\"security_groups\": [\"" + foreignGroup + "\"]}}").put("/v2.0/ports/{id}", id)
                .then().statusCode(404).body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(me).body("{\"port\": {\"security_groups\": [\"not-a-uuid\"]}}").put("/v2.0/ports/{id}", id).then().statusCode(400);
    }

    @Test
    void allowedAddressPairsAreValidatedAndTakeThePortsMac() {
        String net = network(me);
        subnet(me, net, "10.0.8.0/24");
        String mac = as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": "
                        + "[{\"ip_address\": \"10.0.8.200\"}, {\"ip_address\": \"192.168.0.0/24\", \"mac_address\": \"fa:16:3e:aa:bb:cc\"}]}}")
                .post("/v2.0/ports").then().statusCode(201)
                .body("port.allowed_address_pairs[0].ip_address", equalTo("10.0.8.200"))
                .body("port.allowed_address_pairs[1].ip_address", equalTo("192.168.0.0/24"))
                .body("port.allowed_address_pairs[1].mac_address", equalTo("fa:16:3e:aa:bb:cc"))
                .extract().path("port.mac_address");
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": [{\"ip_address\": \"10.100.0.0/16\"}, "
                        + "{\"ip_address\": \"10.0.8.7/24\"}, {\"ip_address\": \"2001:db8:0::/64\"}]}}")
                .post("/v2.0/ports").then().statusCode(201)
                .body("port.allowed_address_pairs.ip_address", equalTo(List.of("10.100.0.0/16", "10.0.8.7/24", "2001:db8::/64")));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": [{\"ip_address\": \"10.0.8.200\"}]}}")
                .post("/v2.0/ports").then().statusCode(201).body("port.allowed_address_pairs[0].mac_address", not(equalTo(mac)));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": [{\"ip_address\": \"10.0.8.300\"}]}}")
                .post("/v2.0/ports").then().statusCode(400);
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": [{\"mac_address\": \"fa:16:3e:aa:bb:cc\"}]}}")
                .post("/v2.0/ports").then().statusCode(400).body("NeutronError.type", equalTo("AllowedAddressPairsMissingIP"));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"allowed_address_pairs\": [{\"ip_address\": \"10.0.8.9\"}, {\"ip_address\": \"10.0.8.9\"}]}}")
                .post("/v2.0/ports").then().statusCode(400).body("NeutronError.type", equalTo("DuplicateAddressPairInRequest"));
    }

    @Test
    void anAdminCreatesAPortForAProjectWithGroupsNamedById() {
        // compute-service's way: a service (admin) token, the tenant's project_id and the tenant's group ids
        String net = network(me);
        subnet(me, net, "10.0.11.0/24");
        String group = as(me).body("{\"security_group\": {\"name\": \"web\"}}").post("/v2.0/security-groups")
                .then().statusCode(201).extract().path("security_group.id");
        as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"project_id\": \"" + project
                        + "\", \"device_owner\": \"compute:nova\", \"security_groups\": [\"" + group + "\"]}}")
                .post("/v2.0/ports").then().statusCode(201)
                .body("port.security_groups", equalTo(List.of(group)))
                .body("port.project_id", equalTo(project));
        as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"project_id\": \"" + project
                        + "\", \"security_groups\": [\"" + UUID.randomUUID() + "\"]}}")
                .post("/v2.0/ports").then().statusCode(404).body("NeutronError.type", equalTo("SecurityGroupNotFound"));
    }

    @Test
    void computeBindsAPortWithAnAdminTokenAndItGoesActive() throws Throwable {
        String net = network(me);
        subnet(me, net, "10.0.10.0/24");
        String id = port(me, net);
        as(me).body("{\"port\": {\"binding:host_id\": \"host-1\"}}").put("/v2.0/ports/{id}", id).then().statusCode(403);
        as(admin()).body("{\"port\": {\"binding:host_id\": \"host-1\", \"device_id\": \"vm-1\", \"device_owner\": \"compute:nova\"}}")
                .put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.status", equalTo("ACTIVE"))
                .body("port.'binding:host_id'", equalTo("host-1"))
                .body("port.'binding:vif_type'", equalTo("bridge"))
                .body("port.'binding:vif_details'.port_filter", equalTo(true))
                .body("port.device_owner", equalTo("compute:nova"));
        as(me).get("/v2.0/ports?device_id=vm-1").then().body("ports.id", equalTo(List.of(id))).body("ports[0].status", equalTo("ACTIVE"));
        as(admin()).body("{\"port\": {\"binding:host_id\": \"\"}}").put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.status", equalTo("DOWN")).body("port.'binding:vif_type'", equalTo("unbound"));
        as(me).delete("/v2.0/ports/{id}", id).then().statusCode(204);
        // features holding the port (floating IPs) were asked to let go of it first
        org.junit.jupiter.api.Assertions.assertTrue(releaser.released().contains(UUID.fromString(id)));
        assertEquals(List.of("strato.network.port.created.v1", "strato.network.port.bound.v1", "strato.network.port.updated.v1",
                "strato.network.port.deleted.v1"), events(id));
    }

    @Test
    void portsOfRoutersAndFloatingIpsAreNotDeletedThroughThePortApi() {
        String net = network(me);
        subnet(me, net, "10.0.11.0/24");
        String id = as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"project_id\": \"" + project
                        + "\", \"device_owner\": \"network:router_interface\", \"device_id\": \"r-1\"}}")
                .post("/v2.0/ports").then().statusCode(201).body("port.security_groups", empty()).extract().path("port.id");
        as(me).delete("/v2.0/ports/{id}", id).then().statusCode(409)
                .body("NeutronError.type", equalTo("ServicePortInUse"))
                .body("NeutronError.message", equalTo("Port " + id + " cannot be deleted directly via the port API: "
                        + "has device owner network:router_interface."));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"device_owner\": \"network:floatingip\"}}")
                .post("/v2.0/ports").then().statusCode(201);
    }

    @Test
    void theInternalApiCreatesAndDeletesPortsInTheCallersTransaction() throws Throwable {
        String net = network(me);
        String sub = subnet(me, net, "10.0.12.0/24");
        Port p = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ports.createFor(project,
                UUID.fromString(net), List.of(new FixedIpRequest(UUID.fromString(sub), "10.0.12.1")), "router-1", "network:router_interface", null)));
        assertEquals("ACTIVE", p.status);
        assertEquals(false, p.portSecurityEnabled);
        List<FixedIp> ips = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> ports.fixedIps(p.id)));
        assertEquals(List.of(new FixedIp(UUID.fromString(sub), "10.0.12.1")), ips);
        as(me).get("/v2.0/ports/{id}", p.id).then().statusCode(200).body("port.security_groups", empty())
                .body("port.device_owner", equalTo("network:router_interface"));
        as(me).delete("/v2.0/subnets/{id}", sub).then().statusCode(409);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ports.deleteFor(p.id)));
        as(me).get("/v2.0/ports/{id}", p.id).then().statusCode(404);
        as(me).delete("/v2.0/subnets/{id}", sub).then().statusCode(204);
    }

    @Test
    void macsAreTheAdminsToChooseAndUniqueOnTheNetwork() {
        String net = network(me);
        subnet(me, net, "10.0.13.0/24");
        String body = "{\"port\": {\"network_id\": \"" + net + "\", \"mac_address\": \"FA:16:3E:01:02:03\"}}";
        as(me).body(body).post("/v2.0/ports").then().statusCode(201).body("port.mac_address", equalTo("fa:16:3e:01:02:03"));
        as(me).body(body).post("/v2.0/ports").then().statusCode(409).body("NeutronError.type", equalTo("MacAddressInUse"));
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"mac_address\": \"zz:16:3e:01:02:03\"}}").post("/v2.0/ports")
                .then().statusCode(400);
        as(member(newProject())).body("{\"port\": {\"network_id\": \"" + Fixtures.adminNetwork("\"shared\": true")
                + "\", \"mac_address\": \"fa:16:3e:01:02:04\"}}").post("/v2.0/ports").then().statusCode(403);
    }

    @Test
    void badRequestsAndQuota() {
        as(me).body("{\"port\": ").post("/v2.0/ports").then().statusCode(400);
        as(me).body("{\"port\": {}}").post("/v2.0/ports").then().statusCode(400);
        as(me).body("{\"port\": {\"network_id\": \"00000000-0000-0000-0000-000000000000\"}}").post("/v2.0/ports").then()
                .statusCode(404).body("NeutronError.type", equalTo("NetworkNotFound"));
        as(me).get("/v2.0/ports/00000000-0000-0000-0000-000000000000").then().statusCode(404).body("NeutronError.type", equalTo("PortNotFound"));
        as(me).body("{\"port\": {\"network_id\": \"" + network(me) + "\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.999\"}]}}")
                .post("/v2.0/ports").then().statusCode(400);
        String quotaProject = newProject();
        Fixtures.quota(admin(), quotaProject, "port", 1);
        String net = network(member(quotaProject));
        port(member(quotaProject), net);
        as(member(quotaProject)).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(409)
                .body("NeutronError.type", equalTo("OverQuota"));
    }

    private static List<String> events(String portId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s ->
                s.createNativeQuery("SELECT type FROM strato_outbox WHERE subject = :id ORDER BY seq", String.class)
                        .setParameter("id", portId).getResultList())));
    }
}
