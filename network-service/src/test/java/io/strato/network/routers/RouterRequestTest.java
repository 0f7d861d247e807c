package io.strato.network.routers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.ApiException;
import io.strato.network.ports.FixedIpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How router bodies are read: what the openstack client sends, and what Neutron refuses. */
class RouterRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NET = "9b6a3c0e-1f0c-4a4e-a2f5-0f9b3c4d5e6f";
    private static final String SUBNET = "1b6a3c0e-1f0c-4a4e-a2f5-0f9b3c4d5e6f";

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static int status(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ApiException.class, e).status();
    }

    @Test
    void aPlainCreateHasNoGateway() throws Exception {
        var c = RouterRequest.create(json("{\"name\": \"r1\", \"admin_state_up\": true}"));
        assertEquals("r1", c.name());
        assertTrue(c.adminStateUp());
        assertTrue(c.gateway().isEmpty());
        assertTrue(c.projectId().isEmpty());
    }

    @Test
    void setExternalGatewayAsTheClientSendsIt() throws Exception {
        var u = RouterRequest.update(json("{\"external_gateway_info\": {\"network_id\": \"" + NET + "\"}}"));
        var g = u.gateway().orElseThrow();
        assertEquals(UUID.fromString(NET), g.networkId());
        assertNull(g.enableSnat(), "enable_snat not given is not the same as given");
        assertNull(g.fixedIps());
        assertFalse(g.clears());
    }

    @Test
    void unsetExternalGatewaySendsAnEmptyObjectOrNull() throws Exception {
        assertTrue(RouterRequest.update(json("{\"external_gateway_info\": {}}")).gateway().orElseThrow().clears());
        assertTrue(RouterRequest.update(json("{\"external_gateway_info\": null}")).gateway().orElseThrow().clears());
        assertTrue(RouterRequest.update(json("{\"name\": \"x\"}")).gateway().isEmpty());
    }

    @Test
    void gatewayWithSnatAndFixedIps() throws Exception {
        var g = RouterRequest.create(json("{\"external_gateway_info\": {\"network_id\": \"" + NET + "\", \"enable_snat\": false, "
                + "\"external_fixed_ips\": [{\"subnet_id\": \"" + SUBNET + "\", \"ip_address\": \"203.0.113.9\"}, {\"subnet_id\": \"" + SUBNET + "\"}]}}"))
                .gateway().orElseThrow();
        assertEquals(Boolean.FALSE, g.enableSnat());
        assertEquals(List.of(new FixedIpRequest(UUID.fromString(SUBNET), "203.0.113.9"),
                new FixedIpRequest(UUID.fromString(SUBNET), null)), g.fixedIps());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"external_gateway_info\": \"net\"}",
            "{\"external_gateway_info\": {\"enable_snat\": false}}",
            "{\"external_gateway_info\": {\"network_id\": \"nope\"}}",
            "{\"external_gateway_info\": {\"network_id\": \"" + NET + "\", \"bogus\": 1}}",
            "{\"external_gateway_info\": {\"network_id\": \"" + NET + "\", \"external_fixed_ips\": [{\"ip_address\": \"203.0.113.300\"}]}}",
            "{\"external_gateway_info\": {\"network_id\": \"" + NET + "\", \"external_fixed_ips\": {}}}",
            "{\"routes\": \"none\"}",
            "{\"distributed\": true}",
            "{\"ha\": true}",
            "{\"status\": \"DOWN\"}",
            "{\"name\": 5}"})
    void badUpdatesAre400(String body) {
        assertEquals(400, status(() -> RouterRequest.update(json(body))));
    }

    @Test
    void routesCannotBeGivenAtCreate() {
        assertEquals(400, status(() -> RouterRequest.create(json("{\"routes\": []}"))));
    }

    @Test
    void interfaceInfoNeedsExactlyOneOfSubnetAndPortToAdd() throws Exception {
        assertEquals(UUID.fromString(SUBNET), RouterRequest.addInterface(json("{\"subnet_id\": \"" + SUBNET + "\"}")).subnetId());
        assertEquals(400, status(() -> RouterRequest.addInterface(json("{}"))));
        assertEquals(400, status(() -> RouterRequest.addInterface(json("{\"subnet_id\": \"x\"}"))));
        assertEquals(400, status(() -> RouterRequest.addInterface(
                json("{\"subnet_id\": \"" + SUBNET + "\", \"port_id\": \"" + NET + "\"}"))));
        var both = RouterRequest.removeInterface(json("{\"subnet_id\": \"" + SUBNET + "\", \"port_id\": \"" + NET + "\"}"));
        assertEquals(UUID.fromString(NET), both.portId());
    }
}
