package io.strato.network.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What IPAM needs to know of a subnet: its CIDR, its pools (walked in order) and whether its ports get
 * EUI-64 addresses (IPv6 SLAAC / DHCPv6-stateless) instead of pool addresses.
 */
public record AddressSpace(UUID subnetId, int ipVersion, String cidr, List<Map<String, String>> pools,
                           boolean autoAddressed) {

    public IPAddress block() {
        return Addresses.parseCidr(cidr).toPrefixBlock();
    }

    /**
     * Neutron's {@code check_subnet_ip}: inside the CIDR, and not its network address nor (IPv4) its
     * broadcast address. Router ports may take an IPv6 subnet's network address (the subnet-router anycast).
     */
    public boolean validForPort(IPAddress ip, String deviceOwner) {
        IPAddress block = block();
        if (!Addresses.contains(block, ip)) {
            return false;
        }
        IPAddress a = ip.withoutPrefixLength();
        boolean isNetwork = a.equals(block.getLower().withoutPrefixLength());
        if (ipVersion == 4) {
            // a /31 or /32 has no network or broadcast address to keep free
            return block.getNetworkPrefixLength() >= 31
                    || (!isNetwork && !a.equals(block.getUpper().withoutPrefixLength()));
        }
        return !isNetwork || (deviceOwner != null && deviceOwner.startsWith("network:router"));
    }
}
