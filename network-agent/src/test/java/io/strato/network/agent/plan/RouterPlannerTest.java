package io.strato.network.agent.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.testbed.Ports;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouterPlannerTest {

    static final String HOST = "h1";
    final UUID net = UUID.randomUUID();
    final UUID sub = UUID.randomUUID();
    final UUID ext = UUID.randomUUID();
    final UUID extSub = UUID.randomUUID();
    final UUID router = UUID.randomUUID();
    final PortInfo in = Ports.router(UUID.randomUUID(), router, false, net, sub, "fa:16:3e:00:00:01", "10.0.0.1", HOST);
    final PortInfo gw = Ports.router(UUID.randomUUID(), router, true, ext, extSub, "fa:16:3e:00:00:02", "172.24.4.5", HOST);

    ClusterState state(boolean snat, boolean up, List<PortInfo> ports, List<FloatingIpInfo> fips) {
        ClusterState s = new ClusterState();
        s.replaceAll(List.of(new NetworkInfo(net, "vxlan", 100, null, 1450, true, 1),
                        new NetworkInfo(ext, "flat", null, "public", 1500, true, 1)),
                List.of(new SubnetInfo(sub, net, 4, "10.0.0.0/26", "10.0.0.1", true, List.of(), List.of(), null, null, 1),
                        new SubnetInfo(extSub, ext, 4, "172.24.4.0/24", "172.24.4.1", false, List.of(), List.of(), null, null, 1)),
                ports, List.of(), List.of(), List.of(new RouterInfo(router, up, snat, List.of(), 1)), fips);
        return s;
    }

    @Test
    void aRouterWhosePortsAreBoundHereIsPlannedWithItsBridgesButNoDhcp() {
        FloatingIpInfo mapped = new FloatingIpInfo(UUID.randomUUID(), "172.24.4.9", router, UUID.randomUUID(), "10.0.0.9", 1);
        FloatingIpInfo loose = new FloatingIpInfo(UUID.randomUUID(), "172.24.4.10", null, null, null, 1);
        HostPlan plan = new HostPlanner(HOST, Map.of("public", "eth9")).plan(state(true, true, List.of(in, gw),
                List.of(mapped, loose)).snapshot());
        assertEquals(1, plan.routers().size());
        RouterPlan r = plan.routers().get(0);
        assertEquals(List.of("10.0.0.1/26"), r.interfaces().get(0).addresses());
        assertEquals("qg-" + gw.id().toString().substring(0, 11), r.gateway().device());
        assertEquals("172.24.4.1", r.nextHop());
        assertEquals("172.24.4.5", r.snatAddress());
        assertEquals(List.of(new RouterPlan.FloatingIp("172.24.4.9", "10.0.0.9")), r.floatingIps());
        assertEquals(2, plan.bridges().size(), "a bridge for each of the router's networks");
        assertTrue(plan.bridges().stream().anyMatch(b -> new BridgePlan.Flat("eth9").equals(b.uplink())));
        assertTrue(plan.dhcp().isEmpty(), "DHCP follows guests, not routers");
        assertTrue(plan.firewall().ports().isEmpty(), "router legs are not filtered");
    }

    @Test
    void withoutSnatNoSourceTranslation() {
        RouterPlan r = new HostPlanner(HOST, Map.of()).plan(state(false, true, List.of(in, gw), List.of()).snapshot())
                .routers().get(0);
        assertNull(r.snatAddress());
    }

    @Test
    void aRouterElsewhereOrDownIsNotHere() {
        assertTrue(new HostPlanner("h2", Map.of()).plan(state(true, true, List.of(in, gw), List.of()).snapshot())
                .routers().isEmpty());
        assertTrue(new HostPlanner(HOST, Map.of()).plan(state(true, false, List.of(in, gw), List.of()).snapshot())
                .routers().isEmpty());
    }
}
