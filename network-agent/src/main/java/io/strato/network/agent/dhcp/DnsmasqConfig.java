package io.strato.network.agent.dhcp;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.DhcpPlan;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What dnsmasq is given for one network: its command line (changes need a restart) and its hosts, names and
 * options files (re-read on SIGHUP). Pure: text from the plan, as Neutron's DHCP agent writes it.
 *
 * @param dir       the network's state directory (files, pid, leases)
 * @param interface_ the namespace end of the DHCP port
 */
public record DnsmasqConfig(DhcpPlan plan, Path dir, String interface_) {

    /** Neutron's {@code dnsmasq_lease_max}: the most leases one dnsmasq is allowed, however large its subnets. */
    static final BigInteger LEASE_MAX = BigInteger.valueOf(1 << 24);

    /** The metadata service's address, routed to the DHCP port when the guest has no router to reach it by. */
    public static final String METADATA_ADDRESS = "169.254.169.254";

    public Path pidFile() {
        return dir.resolve("pid");
    }

    public Path hostsFile() {
        return dir.resolve("host");
    }

    public Path namesFile() {
        return dir.resolve("addn_hosts");
    }

    public Path optsFile() {
        return dir.resolve("opts");
    }

    public Path leaseFile() {
        return dir.resolve("leases");
    }

    public List<String> command() {
        List<String> c = new ArrayList<>(List.of("dnsmasq", "--conf-file=/dev/null", "--no-hosts", "--no-resolv",
                "--strict-order", "--except-interface=lo", "--bind-interfaces", "--interface=" + interface_,
                "--pid-file=" + pidFile(), "--dhcp-hostsfile=" + hostsFile(), "--addn-hosts=" + namesFile(),
                "--dhcp-optsfile=" + optsFile(), "--dhcp-leasefile=" + leaseFile(), "--dhcp-authoritative",
                "--domain=openstacklocal", "--local-service", "--log-facility=" + dir.resolve("log")));
        boolean ra = false;
        BigInteger leases = BigInteger.ZERO;
        for (SubnetInfo s : plan.subnets()) {
            IPAddress net = new IPAddressString(s.cidr()).getAddress().toPrefixBlock();
            leases = leases.add(net.getCount());
            String address = net.getLower().withoutPrefixLength().toCanonicalString();
            if (s.ipVersion() == 4) {
                c.add("--dhcp-range=set:" + tag(s) + "," + address + ",static,"
                        + net.getNetwork().getNetworkMask(net.getNetworkPrefixLength(), false).toCanonicalString()
                        + ",86400s");
            } else {
                String mode = s.ipv6AddressMode() == null ? "static" : switch (s.ipv6AddressMode()) {
                    case "slaac" -> "ra-only";
                    case "dhcpv6-stateless" -> "ra-stateless";
                    default -> "static";
                };
                ra |= s.ipv6RaMode() != null || !"static".equals(mode);
                c.add("--dhcp-range=set:" + tag(s) + "," + address + "," + mode + "," + net.getNetworkPrefixLength()
                        + ",86400s");
            }
        }
        if (ra) {
            // Neutron's router (radvd) is the one to advertise a default route; the DHCP port forwards nothing, so
            // its advertisements carry the prefixes with router lifetime 0 (interval 0: dnsmasq's default)
            c.add("--enable-ra");
            c.add("--ra-param=" + interface_ + ",0,0");
        }
        // dnsmasq's own default is 1,000 leases: a network with more ports would leave guests without an address.
        // As Neutron: as many as the subnets hold, capped at dnsmasq_lease_max
        c.add("--dhcp-lease-max=" + leases.min(LEASE_MAX));
        c.add("--dhcp-option-force=option:mtu," + plan.mtu());
        return c;
    }

    /**
     * {@code mac,address,hostname} per port (IPv6 addresses in brackets), for {@code --dhcp-hostsfile}; a port with
     * options of its own also sets its tag ({@code ,set:port-<id>}), which selects its lines of {@link #options}.
     */
    public String hosts() {
        StringBuilder out = new StringBuilder();
        for (DhcpPlan.Host h : plan.hosts()) {
            String ip = h.ip().contains(":") ? "[" + h.ip() + "]" : h.ip();
            out.append(h.mac()).append(',').append(ip).append(',').append(h.hostname());
            if (h.tag() != null) {
                out.append(",set:").append(h.tag());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code address fqdn name} per port, so guests resolve each other by name through dnsmasq. */
    public String names() {
        StringBuilder out = new StringBuilder();
        for (DhcpPlan.Host h : plan.hosts()) {
            out.append(h.ip()).append('\t').append(h.hostname()).append(".openstacklocal ").append(h.hostname()).append('\n');
        }
        return out.toString();
    }

    /**
     * Per subnet: router, DNS servers (the subnet's, or this dnsmasq), and classless static routes (the host
     * routes, the metadata address through the DHCP port, and the default route, since a client given option
     * 121 ignores option 3).
     */
    public String options() {
        StringBuilder out = new StringBuilder();
        PortInfo port = plan.port();
        for (SubnetInfo s : plan.subnets()) {
            if (s.ipVersion() != 4) {
                if (!s.dnsNameservers().isEmpty()) {
                    out.append("tag:").append(tag(s)).append(",option6:dns-server,")
                            .append(String.join(",", s.dnsNameservers().stream().map(a -> "[" + a + "]").toList())).append('\n');
                }
                continue;
            }
            String own = port == null ? null : port.fixedIps().stream().filter(ip -> ip.subnetId().equals(s.id()))
                    .map(PortInfo.FixedIp::ipAddress).findFirst().orElse(null);
            if (s.gatewayIp() != null) {
                out.append("tag:").append(tag(s)).append(",option:router,").append(s.gatewayIp()).append('\n');
            } else {
                out.append("tag:").append(tag(s)).append(",option:router\n");
            }
            List<String> dns = !s.dnsNameservers().isEmpty() ? s.dnsNameservers() : own == null ? List.of() : List.of(own);
            if (!dns.isEmpty()) {
                out.append("tag:").append(tag(s)).append(",option:dns-server,").append(String.join(",", dns)).append('\n');
            }
            List<String> routes = new ArrayList<>();
            for (SubnetInfo.HostRoute r : s.hostRoutes()) {
                routes.add(r.destination() + "," + r.nexthop());
            }
            if (own != null) {
                routes.add(METADATA_ADDRESS + "/32," + own);
            }
            if (s.gatewayIp() != null) {
                routes.add("0.0.0.0/0," + s.gatewayIp());
            }
            if (!routes.isEmpty()) {
                out.append("tag:").append(tag(s)).append(",option:classless-static-route,")
                        .append(String.join(",", routes)).append('\n');
            }
        }
        for (DhcpPlan.PortOptions p : plan.options()) {
            for (PortInfo.DhcpOption o : p.options()) {
                // client-id selects the lease (Neutron writes it into the hosts file); it is not an option to send
                if (CLIENT_ID.contains(o.name()) || !p.ipVersions().contains(o.ipVersion())) {
                    continue;
                }
                out.append(option(o.ipVersion(), DhcpPlan.portTag(p.portId()), o.name(), o.value())).append('\n');
            }
        }
        return out.toString();
    }

    /** The names of DHCP option 61, which {@link #options} leaves out. */
    static final java.util.Set<String> CLIENT_ID = java.util.Set.of("client-id", "61");

    /**
     * One {@code --dhcp-optsfile} line for a port's option, as Neutron's dnsmasq driver formats it:
     * {@code tag:<port tag>[,tag:<the option's own tag>],option:<name>|<number>,<value>}; IPv6 options are
     * {@code option6:<name or number>} (dnsmasq ignores a bare number for DHCPv6). Only the first line of the name and
     * the value counts, so an option cannot add lines of its own to the file.
     */
    static String option(int ipVersion, String portTag, String name, String value) {
        String option = firstLine(name);
        String extraTag = null;
        if (option.startsWith("tag:") && option.indexOf(',') > 0) {
            extraTag = option.substring(0, option.lastIndexOf(','));
            option = option.substring(option.lastIndexOf(',') + 1);
        }
        if (ipVersion == 6) {
            option = "option6:" + option;
        } else if (!option.chars().allMatch(Character::isDigit) || option.isEmpty()) {
            option = "option:" + option;
        }
        StringBuilder line = new StringBuilder("tag:").append(portTag);
        if (extraTag != null) {
            line.append(',').append(extraTag);
        }
        return line.append(',').append(option).append(',').append(firstLine(value)).toString();
    }

    private static String firstLine(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        return text.substring(0, end);
    }

    static String tag(SubnetInfo s) {
        return "subnet-" + s.id();
    }
}
