package io.strato.network.ports;

import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.subnet;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extension {@code extra_dhcp_opt}: ports take, keep, show and change DHCP options as Neutron's do. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ExtraDhcpOptsTest {
    private final String me = member(newProject());

    private static Map<String, Object> opt(String name, String value, int version) {
        return Map.of("opt_name", name, "opt_value", value, "ip_version", version);
    }

    private String port(String net, String opts) {
        return as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"extra_dhcp_opts\": " + opts + "}}")
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
    }

    @Test
    void aPortKeepsItsOptionsAndShowsThemEverywhere() {
        String net = network(me);
        subnet(me, net, "10.0.5.0/24");
        String id = port(net, "[{\"opt_name\": \"bootfile-name\", \"opt_value\": \"pxelinux.0\"},"
                + " {\"opt_name\": \"tftp-server\", \"opt_value\": \"123.123.123.123\"},"
                + " {\"opt_name\": \"server-ip-address\", \"opt_value\": \"123.123.123.45\", \"ip_version\": \"4\"},"
                + " {\"opt_name\": \"ntp-server\", \"opt_value\": null}]");
        List<Map<String, Object>> three = List.of(opt("bootfile-name", "pxelinux.0", 4), opt("tftp-server", "123.123.123.123", 4),
                opt("server-ip-address", "123.123.123.45", 4));
        as(me).get("/v2.0/ports/{id}", id).then().statusCode(200).body("port.extra_dhcp_opts", equalTo(three));
        as(me).queryParam("network_id", net).get("/v2.0/ports").then().statusCode(200)
                .body("ports[0].extra_dhcp_opts", equalTo(three));
        // a port without any shows []
        as(me).body("{\"port\": {\"network_id\": \"" + net + "\"}}").post("/v2.0/ports").then().statusCode(201)
                .body("port.extra_dhcp_opts", empty());
    }

    @Test
    void anUpdateSetsAddsAndWithNullDeletesOptionsByNameAndIpVersion() {
        String net = network(me);
        subnet(me, net, "10.0.6.0/24");
        String id = port(net, "[{\"opt_name\": \"bootfile-name\", \"opt_value\": \"pxelinux.0\"},"
                + " {\"opt_name\": \"domain-search\", \"opt_value\": \"example.com\"},"
                + " {\"opt_name\": \"42\", \"opt_value\": \"10.0.0.123\"}]");
        as(me).body("{\"port\": {\"name\": \"renamed\", \"extra_dhcp_opts\": ["
                        + "{\"opt_name\": \"bootfile-name\", \"opt_value\": \"grub.efi\"},"
                        + "{\"opt_name\": \"domain-search\", \"opt_value\": null},"
                        + "{\"opt_name\": \"42\", \"opt_value\": \"fd00::123\", \"ip_version\": 6},"
                        + "{\"opt_name\": \"router\", \"opt_value\": \"\"},"
                        + "{\"opt_name\": \"mtu\", \"opt_value\": null}]}}")
                .put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.name", equalTo("renamed"))
                .body("port.extra_dhcp_opts", containsInAnyOrder(opt("bootfile-name", "grub.efi", 4), opt("42", "10.0.0.123", 4),
                        opt("42", "fd00::123", 6), opt("router", "", 4)));
        // an empty list changes nothing (Neutron's "if dopts"), nor does an update without the attribute
        as(me).body("{\"port\": {\"extra_dhcp_opts\": []}}").put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.extra_dhcp_opts.size()", equalTo(4));
        as(me).body("{\"port\": {\"description\": \"d\"}}").put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.extra_dhcp_opts.opt_name", hasItem("router"));
        as(me).body("{\"port\": {\"extra_dhcp_opts\": [{\"opt_name\": \"42\", \"opt_value\": null, \"ip_version\": 6}]}}")
                .put("/v2.0/ports/{id}", id).then().statusCode(200)
                .body("port.extra_dhcp_opts", containsInAnyOrder(opt("bootfile-name", "grub.efi", 4), opt("42", "10.0.0.123", 4),
                        opt("router", "", 4)));
    }

    @Test
    void badOptionsAreRefusedWithNeutronsMessage() {
        String net = network(me);
        String prefix = "Invalid input for extra_dhcp_opts. Reason: ";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("[{\"opt_name\": \"bootfile-name\"}]", "No valid key specs matched for: {'opt_name': 'bootfile-name'}.");
        refused.put("[{\"opt_name\": \"bootfile-name\", \"opt_value\": \"\"}]",
                "No valid key specs matched for: {'opt_name': 'bootfile-name', 'opt_value': ''}.");
        refused.put("[{\"opt_name\": \"\", \"opt_value\": \"x\"}]", "No valid key specs matched for: {'opt_name': '', 'opt_value': 'x'}.");
        refused.put("[{\"opt_name\": \"a\", \"opt_value\": \"x\", \"ip_version\": 5}]",
                "No valid key specs matched for: {'opt_name': 'a', 'opt_value': 'x', 'ip_version': 5}.");
        refused.put("[{\"opt_name\": \"a\", \"opt_value\": \"x\", \"colour\": \"red\"}]",
                "No valid key specs matched for: {'opt_name': 'a', 'opt_value': 'x', 'colour': 'red'}.");
        refused.put("[{\"opt_name\": \"a\", \"opt_value\": 5}]", "No valid key specs matched for: {'opt_name': 'a', 'opt_value': 5}.");
        refused.put("[{\"opt_name\": \"" + "n".repeat(65) + "\", \"opt_value\": \"x\"}]",
                "No valid key specs matched for: {'opt_name': '" + "n".repeat(65) + "', 'opt_value': 'x'}.");
        refused.put("[{\"opt_name\": \"a\", \"opt_value\": \"" + "v".repeat(256) + "\"}]",
                "No valid key specs matched for: {'opt_name': 'a', 'opt_value': '" + "v".repeat(256) + "'}.");
        refused.put("[\"bootfile-name\"]", "No valid key specs matched for: 'bootfile-name'.");
        refused.put("{\"opt_name\": \"a\", \"opt_value\": \"x\"}", "'{'opt_name': 'a', 'opt_value': 'x'}' is not a list.");
        refused.put("[{\"opt_name\": \"a\", \"opt_value\": \"x\"}, {\"opt_name\": \"a\", \"opt_value\": \"y\", \"ip_version\": 4}]",
                "Duplicate option a for IP version 4.");
        refused.forEach((opts, reason) -> as(me)
                .body("{\"port\": {\"network_id\": \"" + net + "\", \"extra_dhcp_opts\": " + opts + "}}")
                .post("/v2.0/ports").then().statusCode(400)
                .body("NeutronError.type", equalTo("HTTPBadRequest"))
                .body("NeutronError.message", equalTo(prefix + reason)));
        // the same checks on update; the blankable options take an empty value
        subnet(me, net, "10.0.8.0/24");
        String id = port(net, "[{\"opt_name\": \"classless-static-route\", \"opt_value\": \"\"}]");
        as(me).body("{\"port\": {\"extra_dhcp_opts\": [{\"opt_name\": \"a\", \"opt_value\": \"\"}]}}").put("/v2.0/ports/{id}", id)
                .then().statusCode(400).body("NeutronError.type", equalTo("HTTPBadRequest"));
        as(me).get("/v2.0/ports/{id}", id).then()
                .body("port.extra_dhcp_opts", equalTo(List.of(opt("classless-static-route", "", 4))));
    }
}
