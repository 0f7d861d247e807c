package io.strato.network.agent.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.DhcpPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DnsmasqConfigTest {

    static final UUID NET = UUID.fromString("5f3c2b1a-9d80-4e2b-8c1d-000000000001");
    static final UUID V4 = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final UUID V6 = UUID.fromString("00000000-0000-0000-0000-000000000006");

    static DnsmasqConfig config() {
        SubnetInfo v4 = new SubnetInfo(V4, NET, 4, "10.0.0.0/24", "10.0.0.1", true, List.of(),
                List.of(new SubnetInfo.HostRoute("192.168.0.0/16", "10.0.0.254")), null, null, 1);
        SubnetInfo v6 = new SubnetInfo(V6, NET, 6, "fd00:1::/64", "fd00:1::1", true, List.of("fd00::53"), List.of(),
                "slaac", "slaac", 1);
        PortInfo port = new PortInfo(UUID.randomUUID(), NET, "fa:16:3e:00:00:fe",
                List.of(new PortInfo.FixedIp(V4, "10.0.0.2")), List.of(), List.of(), false, "h", null, "network:dhcp",
                "dhcp", true, null, "project-1", "DOWN", 1);
        DhcpPlan plan = new DhcpPlan(NET, "brq5f3c2b1a-9d", 1450, port, List.of(v4, v6),
                List.of(new DhcpPlan.Host("fa:16:3e:00:00:01", "10.0.0.5", "web-1"),
                        new DhcpPlan.Host("fa:16:3e:00:00:01", "fd00:1::5", "web-1")));
        return new DnsmasqConfig(plan, Path.of("/run/x"), "ns-abc");
    }

    @Test
    void commandLineServesEachSubnetInItsMode() {
        List<String> c = config().command();
        assertTrue(c.contains("--dhcp-range=set:subnet-" + V4 + ",10.0.0.0,static,255.255.255.0,86400s"), c.toString());
        assertTrue(c.contains("--dhcp-range=set:subnet-" + V6 + ",fd00:1::,ra-only,64,86400s"), c.toString());
        assertTrue(c.contains("--enable-ra"));
        assertTrue(c.contains("--ra-param=ns-abc,0,0"), "prefixes, but no default route through the DHCP port: " + c);
        assertTrue(c.contains("--dhcp-option-force=option:mtu,1450"));
        assertTrue(c.contains("--interface=ns-abc"));
    }

    @Test
    void leasesAreAsManyAsTheSubnetsHoldNotDnsmasqsThousand() {
        DnsmasqConfig small = config();
        DhcpPlan p = small.plan();
        SubnetInfo v4 = p.subnets().get(0);
        SubnetInfo big = new SubnetInfo(V4, NET, 4, "10.124.0.0/20", "10.124.0.1", true, List.of(), List.of(), null,
                null, 1);
        List<String> onlyV4 = new DnsmasqConfig(new DhcpPlan(NET, p.bridge(), p.mtu(), p.port(), List.of(big),
                p.hosts()),
                small.dir(), small.interface_()).command();
        assertTrue(onlyV4.contains("--dhcp-lease-max=4096"), onlyV4.toString());
        assertTrue(small.command().contains("--dhcp-lease-max=16777216"), "a /64 is capped at Neutron's 2^24: "
                + small.command());
        List<String> two = new DnsmasqConfig(new DhcpPlan(NET, p.bridge(), p.mtu(), p.port(), List.of(v4, big),
                p.hosts()), small.dir(), small.interface_()).command();
        assertTrue(two.contains("--dhcp-lease-max=4352"), two.toString());
    }

    @Test
    void hostsOptionsAndNames() {
        DnsmasqConfig c = config();
        assertEquals("fa:16:3e:00:00:01,10.0.0.5,web-1\nfa:16:3e:00:00:01,[fd00:1::5],web-1\n", c.hosts());
        String opts = c.options();
        assertTrue(opts.contains("tag:subnet-" + V4 + ",option:router,10.0.0.1\n"), opts);
        assertTrue(opts.contains("tag:subnet-" + V4 + ",option:dns-server,10.0.0.2\n"), opts);
        assertTrue(opts.contains("tag:subnet-" + V4
                + ",option:classless-static-route,192.168.0.0/16,10.0.0.254,169.254.169.254/32,10.0.0.2,0.0.0.0/0,10.0.0.1\n"), opts);
        assertTrue(opts.contains("tag:subnet-" + V6 + ",option6:dns-server,[fd00::53]\n"), opts);
        assertTrue(c.names().contains("10.0.0.5\tweb-1.openstacklocal web-1\n"));
    }

    @Test
    void aPortsOwnOptionsGoToItsTagOnly() {
        DnsmasqConfig c = config();
        UUID portId = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        DhcpPlan p = c.plan();
        String tag = DhcpPlan.portTag(portId);
        DhcpPlan withOptions = new DhcpPlan(NET, p.bridge(), p.mtu(), p.port(), p.subnets(),
                List.of(new DhcpPlan.Host("fa:16:3e:00:00:01", "10.0.0.5", "web-1", tag),
                        new DhcpPlan.Host("fa:16:3e:00:00:02", "10.0.0.6", "web-2")),
                List.of(new DhcpPlan.PortOptions(portId, java.util.Set.of(4), List.of(
                        new PortInfo.DhcpOption("bootfile-name", "pxelinux.0", 4),
                        new PortInfo.DhcpOption("42", "10.0.0.123", 4),
                        new PortInfo.DhcpOption("tag:ipxe,bootfile-name", "http://boot/x.ipxe", 4),
                        new PortInfo.DhcpOption("domain-search", "a.example,b.example\ndhcp-option=3,6.6.6.6", 4),
                        new PortInfo.DhcpOption("dns-server", "[fd00::53]", 6),
                        new PortInfo.DhcpOption("client-id", "abc", 4)))));
        DnsmasqConfig with = new DnsmasqConfig(withOptions, c.dir(), c.interface_());
        assertEquals("fa:16:3e:00:00:01,10.0.0.5,web-1,set:" + tag + "\nfa:16:3e:00:00:02,10.0.0.6,web-2\n", with.hosts());
        String opts = with.options();
        assertTrue(opts.contains("tag:" + tag + ",option:bootfile-name,pxelinux.0\n"), opts);
        assertTrue(opts.contains("tag:" + tag + ",42,10.0.0.123\n"), "a number stays bare for DHCPv4: " + opts);
        assertTrue(opts.contains("tag:" + tag + ",tag:ipxe,option:bootfile-name,http://boot/x.ipxe\n"), opts);
        assertTrue(opts.contains("tag:" + tag + ",option:domain-search,a.example,b.example\n"), opts);
        assertTrue(!opts.contains("6.6.6.6"), "a value's second line never reaches the file: " + opts);
        assertTrue(!opts.contains(tag + ",option6:"), "the port has no IPv6 address: " + opts);
        assertTrue(!opts.contains("abc"), "client-id is not sent as an option: " + opts);
        assertEquals("tag:" + tag + ",option6:dns-server,[fd00::53]", DnsmasqConfig.option(6, tag, "dns-server", "[fd00::53]"));
        assertEquals("tag:" + tag + ",option6:23,[fd00::53]", DnsmasqConfig.option(6, tag, "23", "[fd00::53]"));
    }
}
