package io.strato.network.agent.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.state.ClusterState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HostPlannerTest {

    static final UUID TENANT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    static final UUID PROVIDER = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");
    static final UUID ELSEWHERE = UUID.fromString("cccccccc-0000-0000-0000-000000000003");
    static final UUID SUBNET = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final UUID DB = UUID.randomUUID();

    static PortInfo port(UUID net, String ip, String host, List<UUID> groups, String owner) {
        return new PortInfo(UUID.randomUUID(), net, "FA:16:3E:00:00:0" + ip.charAt(ip.length() - 1),
                List.of(new PortInfo.FixedIp(SUBNET, ip)), groups,
                List.of(new PortInfo.AddressPair("10.0.9.0/24", "fa:16:3e:99:99:99")), true, host, null, owner, "vm",
                true, null, "project-1", "DOWN", 1);
    }

    @Test
    void onlyThisHostsPortsAndTheirNetworksArePlanned() {
        ClusterState s = new ClusterState();
        PortInfo mine = port(TENANT, "10.0.0.5", "h1", List.of(WEB), "compute:nova");
        PortInfo onVlan = port(PROVIDER, "10.0.0.6", "h1", List.of(), "compute:nova");
        PortInfo dbElsewhere = port(ELSEWHERE, "10.0.0.7", "h2", List.of(DB), "compute:nova");
        PortInfo router = port(TENANT, "10.0.0.1", "h1", List.of(), "network:router_interface");
        s.replaceAll(
                List.of(new NetworkInfo(TENANT, "vxlan", 1001, null, 1450, true, 1),
                        new NetworkInfo(PROVIDER, "vlan", 42, "physnet1", 1500, false, 1),
                        new NetworkInfo(ELSEWHERE, "vxlan", 1002, null, 1450, true, 1)),
                List.of(new SubnetInfo(SUBNET, TENANT, 4, "10.0.0.0/24", "10.0.0.1", true, List.of(), List.of(), null, null, 1)),
                List.of(mine, onVlan, dbElsewhere, router),
                List.of(new SecurityGroupInfo(WEB, true, 1), new SecurityGroupInfo(DB, true, 1)),
                List.of(new RuleInfo(UUID.randomUUID(), WEB, "ingress", "IPv4", "tcp", 5432, 5432, null, DB)));

        HostPlan plan = new HostPlanner("h1", Map.of("physnet1", "eth1")).plan(s.snapshot());

        assertEquals(2, plan.bridges().size());
        BridgePlan tenant = plan.bridges().get(0);
        assertEquals("brqaaaaaaaa-00", tenant.bridge());
        assertEquals(new BridgePlan.Vxlan(1001), tenant.uplink());
        assertEquals(1450, tenant.mtu());
        BridgePlan provider = plan.bridges().get(1);
        assertEquals(new BridgePlan.Vlan("eth1", 42), provider.uplink());
        assertEquals("eth1.42", provider.uplink().device());
        assertEquals(false, provider.up(), "admin_state_up=false takes the bridge down");

        assertEquals(2, plan.firewall().ports().size(), "the router's port is never filtered");
        PortFilter web = plan.firewall().ports().stream().filter(p -> p.portId().equals(mine.id())).findFirst().orElseThrow();
        assertEquals(Set.of("fa:16:3e:00:00:05", "fa:16:3e:99:99:99"), web.macs());
        assertEquals(Set.of("10.0.0.5", "10.0.9.0/24"), web.ipv4());
        assertEquals(Set.of("10.0.0.7", "10.0.9.0/24"), plan.firewall().remoteGroups().get(DB).ipv4(),
                "remote group members are found on every host");

        assertEquals(1, plan.dhcp().size());
        DhcpPlan dhcp = plan.dhcp().get(0);
        assertNull(dhcp.port(), "no DHCP port yet: the agent will ask for one");
        assertEquals(List.of(new DhcpPlan.Host("FA:16:3E:00:00:05", "10.0.0.5", "host-10-0-0-5")), dhcp.hosts());
        assertTrue(dhcp.namespace().startsWith("qdhcp-aaaaaaaa"));
    }

    @Test
    void aPortIsStatelessOnlyWhenAllItsGroupsAre() {
        UUID stateless = UUID.randomUUID();
        UUID alsoStateless = UUID.randomUUID();
        PortInfo dns = port(TENANT, "10.0.0.5", "h1", List.of(stateless, alsoStateless), "compute:nova");
        PortInfo mixed = port(TENANT, "10.0.0.6", "h1", List.of(stateless, WEB), "compute:nova");
        PortInfo none = port(TENANT, "10.0.0.7", "h1", List.of(), "compute:nova");
        ClusterState s = new ClusterState();
        s.replaceAll(List.of(), List.of(), List.of(dns, mixed, none), List.of(new SecurityGroupInfo(stateless, false, 1),
                new SecurityGroupInfo(alsoStateless, false, 1), new SecurityGroupInfo(WEB, true, 1)), List.of());
        Map<UUID, Boolean> stateful = new java.util.HashMap<>();
        new HostPlanner("h1", Map.of()).plan(s.snapshot()).firewall().ports()
                .forEach(p -> stateful.put(p.portId(), p.stateful()));
        assertEquals(Map.of(dns.id(), false, mixed.id(), true, none.id(), true), stateful,
                "Neutron refuses mixed groups at the API; should they arrive, one stateful group wins");
    }

    @Test
    void withoutPortSecurityAPortHasNoGroups() {
        ClusterState s = new ClusterState();
        PortInfo open = new PortInfo(UUID.randomUUID(), TENANT, "fa:16:3e:00:00:01", List.of(), List.of(WEB), List.of(),
                false, "h1", "brqcustom", "compute:nova", "vm", true, null, "project-1", "DOWN", 1);
        s.replaceAll(List.of(), List.of(), List.of(open), List.of(), List.of());
        HostPlan plan = new HostPlanner("h1", Map.of()).plan(s.snapshot());
        assertEquals(false, plan.firewall().ports().get(0).secured());
        assertEquals(List.of(), plan.firewall().ports().get(0).groups());
        assertEquals("brqcustom", plan.bridges().get(0).bridge(), "the binding's bridge_name wins");
    }
}
