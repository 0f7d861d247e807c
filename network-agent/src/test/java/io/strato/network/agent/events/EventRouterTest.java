package io.strato.network.agent.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.events.StratoEvent;
import io.strato.network.agent.l2.Peers;
import io.strato.network.agent.state.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final ClusterState state = new ClusterState();
    final Peers peers = new Peers(List.of(), Duration.ofMinutes(1), Clock.systemUTC());
    final EventRouter router = new EventRouter(List.of(new PortEventHandler(state), new NetworkEventHandler(state),
            new SubnetEventHandler(state), new SecurityGroupEventHandler(state), new SecurityGroupRuleEventHandler(state),
            new RouterEventHandler(state), new FloatingIpEventHandler(state), new HeartbeatHandler(peers, "me")));

    StratoEvent event(String type, String json) throws Exception {
        return new StratoEvent(UUID.randomUUID(), type, "/network", "x", OffsetDateTime.now(), JSON.readTree(json));
    }

    @Test
    void aPortEventAsNetworkServiceSendsIt() throws Exception {
        UUID id = UUID.randomUUID();
        assertTrue(router.route(event("strato.network.port.bound.v1", """
                {"id":"%s","network_id":"%s","mac_address":"fa:16:3e:00:00:01","admin_state_up":true,
                 "fixed_ips":[{"subnet_id":"%s","ip_address":"10.0.0.5"}],"security_groups":["%s"],
                 "allowed_address_pairs":[{"ip_address":"10.0.0.100"}],"port_security_enabled":true,
                 "binding:host_id":"h1","binding:vif_details":{"bridge_name":"brqabc"},"device_owner":"compute:nova",
                 "revision_number":3}""".formatted(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))));
        var p = state.snapshot().ports().get(id);
        assertEquals("h1", p.hostId());
        assertEquals("brqabc", p.bridgeName());
        assertEquals("fa:16:3e:00:00:01", p.allowedAddressPairs().get(0).macAddress(), "a pair without a MAC uses the port's");
        assertTrue(router.route(event("strato.network.port.deleted.v1", """
                {"id":"%s","network_id":"%s","mac_address":"fa:16:3e:00:00:01","revision_number":4}""".formatted(id, UUID.randomUUID()))));
        assertTrue(state.snapshot().ports().isEmpty());
    }

    @Test
    void malformedAndForeignEventsAreSkipped() throws Exception {
        assertFalse(router.route(event("strato.network.port.bound.v1", "{\"id\":\"not-a-uuid\"}")));
        assertFalse(router.route(event("strato.network.port.bound.v1", "{}")));
        assertFalse(router.route(event("strato.network.router.created.v1", "{\"id\":\"r1\"}")));
        assertFalse(router.route(event("strato.network.floatingip.created.v1", "{\"id\":\"" + UUID.randomUUID() + "\"}")));
        assertFalse(router.route(event("strato.compute.server.created.v1", "{}")));
        assertFalse(router.route(event("garbage", "{}")));
        assertTrue(state.snapshot().ports().isEmpty());
    }

    @Test
    void routersAndFloatingIpsWhateverTheOrderOfAMovesEvents() throws Exception {
        UUID r = UUID.randomUUID();
        UUID f = UUID.randomUUID();
        assertTrue(router.route(event("strato.network.router.updated.v1", "{\"id\":\"" + r + "\",\"revision_number\":2,"
                + "\"external_gateway_info\":{\"network_id\":\"" + UUID.randomUUID() + "\",\"enable_snat\":false},"
                + "\"routes\":[{\"destination\":\"10.9.0.0/16\",\"nexthop\":\"10.0.0.5\"}]}")));
        assertFalse(state.snapshot().routers().get(r).enableSnat());
        assertEquals(1, state.snapshot().routers().get(r).routes().size());
        assertFalse(router.route(event("strato.network.router.interface_added.v1", "{\"id\":\"" + r + "\",\"port_id\":\""
                + UUID.randomUUID() + "\"}")), "an interface comes as its port's events");
        String after = "{\"id\":\"" + f + "\",\"floating_ip_address\":\"172.24.4.9\",\"router_id\":\"" + r
                + "\",\"port_id\":\"" + UUID.randomUUID() + "\",\"fixed_ip_address\":\"10.0.0.12\",\"revision_number\":3}";
        String before = "{\"id\":\"" + f + "\",\"floating_ip_address\":\"172.24.4.9\",\"router_id\":\"" + r
                + "\",\"port_id\":\"" + UUID.randomUUID() + "\",\"fixed_ip_address\":\"10.0.0.11\",\"revision_number\":2}";
        assertTrue(router.route(event("strato.network.floatingip.associated.v1", after)));
        assertFalse(router.route(event("strato.network.floatingip.disassociated.v1", before)), "an older revision is late");
        assertEquals("10.0.0.12", state.snapshot().floatingIps().get(f).fixedIpAddress());
        assertTrue(router.route(event("strato.network.floatingip.deleted.v1", "{\"id\":\"" + f + "\",\"revision_number\":3}")));
        assertTrue(state.snapshot().floatingIps().isEmpty());
        assertTrue(router.route(event("strato.network.router.deleted.v1", "{\"id\":\"" + r + "\",\"revision_number\":3}")));
        assertTrue(state.snapshot().routers().isEmpty());
    }

    @Test
    void heartbeatsOfOtherAgentsBecomeVxlanPeers() throws Exception {
        assertTrue(router.route(event("strato.network.agent.heartbeat.v1", "{\"host\":\"h2\",\"tunnel_ip\":\"192.0.2.2\"}")));
        assertFalse(router.route(event("strato.network.agent.heartbeat.v1", "{\"host\":\"me\",\"tunnel_ip\":\"192.0.2.1\"}")));
        assertEquals(Set.of("192.0.2.2"), peers.tunnelAddresses());
    }
}
