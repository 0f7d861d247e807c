package io.strato.network.subnets;

import inet.ipaddr.IPAddress;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Addresses;
import io.strato.network.ipam.AllocationPools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subnet's addressing, checked and completed as Neutron does: the CIDR (invalid is a 400, host bits
 * are cleared), the gateway (default: the first address; null: none; given: inside the CIDR), the
 * allocation pools (default: all but network, broadcast and gateway), DNS servers, host routes and
 * the IPv6 modes. Every address in it is in canonical form.
 */
public record SubnetLayout(int ipVersion, String cidr, String gatewayIp, List<Map<String, String>> pools,
                           List<String> dnsNameservers, List<Map<String, String>> hostRoutes,
                           String ipv6RaMode, String ipv6AddressMode) {
    static final int MAX_DNS = 5;
    static final int MAX_ROUTES = 20;
    private static final Set<String> AUTO_MODES = Set.of("slaac", "dhcpv6-stateless");

    /** The layout of a new subnet. */
    public static SubnetLayout create(SubnetRequest r) {
        IPAddress block = block(r.cidr().orElseThrow());
        int version = block.isIPv4() ? 4 : 6;
        int asked = r.ipVersion().orElse(version);
        if (asked != version) {
            throw mismatch("cidr", r.cidr().get(), asked);
        }
        if (block.getNetworkPrefixLength() == 0) {
            throw Neutron.invalid("0 is not allowed as CIDR prefix length");
        }
        String ra = r.ipv6RaMode().orElse(null);
        String mode = r.ipv6AddressMode().orElse(null);
        checkModes(version, ra, mode, r.enableDhcp().orElse(true), block);
        IPAddress gateway = r.gatewayGiven() ? gateway(r.gatewayIp(), block) : defaultGateway(block);
        List<Map<String, String>> pools = r.allocationPools()
                .map(given -> AllocationPools.validate(given, block, gateway))
                .orElseGet(() -> AllocationPools.defaults(block, gateway));
        return new SubnetLayout(version, Addresses.cidr(block), gateway == null ? null : Addresses.canonical(gateway), pools,
                dns(r.dnsNameservers().orElse(List.of()), version), routes(r.hostRoutes().orElse(List.of()), version), ra, mode);
    }

    /** The layout of {@code current} after an update: a new gateway must stay out of the (new or kept) pools. */
    public static SubnetLayout update(Subnet current, SubnetRequest r) {
        IPAddress block = block(current.cidr);
        IPAddress gateway = r.gatewayGiven() ? gateway(r.gatewayIp(), block) : Addresses.parse(current.gatewayIp);
        List<Map<String, String>> pools;
        if (r.allocationPools().isPresent()) {
            pools = AllocationPools.validate(r.allocationPools().get(), block, gateway);
        } else {
            AllocationPools.checkGatewayOutside(AllocationPools.of(current.allocationPools), gateway);
            pools = current.allocationPools;
        }
        return new SubnetLayout(current.ipVersion, current.cidr, gateway == null ? null : Addresses.canonical(gateway), pools,
                r.dnsNameservers().map(d -> dns(d, current.ipVersion)).orElse(current.dnsNameservers),
                r.hostRoutes().map(h -> routes(h, current.ipVersion)).orElse(current.hostRoutes),
                current.ipv6RaMode, current.ipv6AddressMode);
    }

    /** Whether this subnet's CIDR shares an address with {@code otherCidr}. */
    public boolean overlaps(String otherCidr) {
        IPAddress mine = Addresses.parseCidr(cidr).toPrefixBlock();
        IPAddress other = Addresses.parseCidr(otherCidr);
        return other != null && mine.getIPVersion() == other.getIPVersion()
                && (mine.contains(other.toPrefixBlock()) || other.toPrefixBlock().contains(mine));
    }

    /** The CIDR as a prefix block: malformed is a 400, host bits are cleared (10.0.0.5/24 is 10.0.0.0/24). */
    static IPAddress block(String text) {
        IPAddress given = Addresses.parseCidr(text);
        if (given == null) {
            IPAddress bare = Addresses.parse(text);
            if (bare != null) {
                throw Neutron.invalid("'" + text + "' isn't a recommended CIDR, '" + Addresses.canonical(bare) + "/"
                        + bare.getBitCount() + "' is recommended");
            }
            throw Neutron.invalid("'" + text + "' is not a valid IP subnet.");
        }
        return given.toPrefixBlock();
    }

    /** The first address after the network address, when the subnet has room for one that is not its broadcast. */
    static IPAddress defaultGateway(IPAddress block) {
        IPAddress lower = block.getLower().withoutPrefixLength();
        IPAddress upper = block.getUpper().withoutPrefixLength();
        if (lower.equals(upper)) {
            return null;
        }
        IPAddress first = lower.increment(1);
        return block.isIPv4() && first.equals(upper) ? null : first;
    }

    private static IPAddress gateway(String text, IPAddress block) {
        if (text == null) {
            return null;
        }
        IPAddress gw = Addresses.parse(text);
        if (gw == null) {
            throw Neutron.invalid("'" + text + "' is not a valid IP address.");
        }
        if (gw.getIPVersion() != block.getIPVersion()) {
            throw mismatch("gateway_ip", text, block.isIPv4() ? 4 : 6);
        }
        IPAddress lower = block.getLower().withoutPrefixLength();
        IPAddress upper = block.getUpper().withoutPrefixLength();
        boolean reserved = block.getNetworkPrefixLength() < (block.isIPv4() ? 31 : 127)
                && (gw.equals(lower) || (block.isIPv4() && gw.equals(upper)));
        if (!Addresses.contains(block, gw) || reserved) {
            throw Neutron.invalid("Gateway is not valid on subnet.");
        }
        return gw;
    }

    private static void checkModes(int version, String ra, String mode, boolean dhcp, IPAddress block) {
        if (ra == null && mode == null) {
            return;
        }
        if (version == 4) {
            throw Neutron.invalid((ra != null ? "ipv6_ra_mode" : "ipv6_address_mode") + " is not valid when ip_version is 4");
        }
        if (ra != null && mode != null && !ra.equals(mode)) {
            throw Neutron.invalid("ipv6_ra_mode set to '" + ra + "' with ipv6_address_mode set to '" + mode
                    + "' is not valid. If both attributes are set, they must be the same value");
        }
        if (!dhcp) {
            throw Neutron.invalid("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False.");
        }
        String effective = mode != null ? mode : ra;
        if (AUTO_MODES.contains(effective) && block.getNetworkPrefixLength() != 64) {
            throw Neutron.invalid("Invalid CIDR " + Addresses.cidr(block) + " for IPv6 address mode. OpenStack uses "
                    + "the EUI-64 address format, which requires the prefix to be /64");
        }
    }

    private static List<String> dns(List<String> given, int version) {
        if (given.size() > MAX_DNS) {
            throw Neutron.badRequest("DNSNameServersExhausted", "Unable to complete operation for subnet. "
                    + "The number of DNS nameservers exceeds the limit " + MAX_DNS + ".");
        }
        List<String> out = new ArrayList<>();
        for (String d : given) {
            IPAddress a = Addresses.parse(d);
            if (a == null) {
                throw Neutron.invalid("Error parsing dns address " + d);
            }
            if (a.getIPVersion().isIPv4() != (version == 4)) {
                throw mismatch("dns_nameserver", d, version);
            }
            String c = Addresses.canonical(a);
            if (out.contains(c)) {
                throw Neutron.invalid("Duplicate nameserver '" + d + "'");
            }
            out.add(c);
        }
        return out;
    }

    private static List<Map<String, String>> routes(List<Map<String, String>> given, int version) {
        if (given.size() > MAX_ROUTES) {
            throw Neutron.badRequest("HostRoutesExhausted", "Unable to complete operation for subnet. "
                    + "The number of host routes exceeds the limit " + MAX_ROUTES + ".");
        }
        List<Map<String, String>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> r : given) {
            IPAddress dest = Optional.ofNullable(Addresses.parseCidr(r.get("destination"))).orElse(null);
            IPAddress hop = Addresses.parse(r.get("nexthop"));
            if (dest == null || hop == null) {
                throw Neutron.invalid("Invalid route: " + r);
            }
            if (dest.getIPVersion().isIPv4() != (version == 4)) {
                throw mismatch("destination", r.get("destination"), version);
            }
            if (hop.getIPVersion().isIPv4() != (version == 4)) {
                throw mismatch("nexthop", r.get("nexthop"), version);
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("destination", Addresses.cidr(dest.toPrefixBlock()));
            m.put("nexthop", Addresses.canonical(hop));
            if (!seen.add(m.toString())) {
                throw Neutron.invalid("Duplicate hostroute '" + r + "'");
            }
            out.add(m);
        }
        return out;
    }

    private static RuntimeException mismatch(String name, String value, int version) {
        return Neutron.invalid(name + " '" + value + "' does not match the ip_version '" + version + "'");
    }
}
