package io.strato.network.ipam;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;

/**
 * Parsing and the one textual form of addresses. Every address stored (ip_allocation, gateway_ip,
 * allocation pools) is in canonical form (IPv4 dotted quad, IPv6 RFC 5952), so that text equality is
 * address equality and the primary key of {@code ip_allocation} sees every duplicate.
 */
public final class Addresses {
    /**
     * Plain dotted-quad and RFC 4291 text only: no inet_aton forms ({@code 010.0.0.1} as octal,
     * {@code 10.1} as 10.0.0.1), no zones, no masks, no wildcards or ranges, as Neutron (netaddr) reads addresses.
     */
    private static final IPAddressStringParameters STRICT;

    static {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
                .allowWildcardedSeparator(false).setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
                .allow_inet_aton(false);
        b.getIPv4AddressParametersBuilder().allowLeadingZeros(false);
        b.getIPv6AddressParametersBuilder().allowZone(false);
        STRICT = b.toParams();
    }

    private Addresses() {
    }

    /** A single address (no prefix length), or null when {@code text} is not one. */
    public static IPAddress parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        if (!s.isIPAddress() || s.isPrefixed()) {
            return null;
        }
        try {
            return s.toAddress();
        } catch (AddressStringException e) {
            return null;
        }
    }

    /** A CIDR as given (host bits possibly set), or null when {@code text} is not an address with a prefix length. */
    public static IPAddress parseCidr(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        if (!s.isIPAddress() || !s.isPrefixed()) {
            return null;
        }
        try {
            return s.toAddress();
        } catch (AddressStringException e) {
            return null;
        }
    }

    public static String canonical(IPAddress address) {
        return address.withoutPrefixLength().toCanonicalString();
    }

    /** The canonical form of an address given as text, or null when it is not an address. */
    public static String canonical(String text) {
        IPAddress a = parse(text);
        return a == null ? null : canonical(a);
    }

    /** {@code 10.0.1.0/24}: the block's lowest address and its prefix length. */
    public static String cidr(IPAddress block) {
        return canonical(block.getLower()) + "/" + block.getNetworkPrefixLength();
    }

    /** Whether {@code address} lies in {@code block} (same IP version and inside the prefix). */
    public static boolean contains(IPAddress block, IPAddress address) {
        return block.getIPVersion() == address.getIPVersion() && block.toPrefixBlock().contains(address.withoutPrefixLength());
    }

    /** A MAC address as text, or null when it is not a 48-bit one. */
    public static MACAddress mac(String text) {
        if (text == null) {
            return null;
        }
        MACAddress mac = new MACAddressString(text.trim()).getAddress();
        return mac == null || mac.getSegmentCount() != 6 ? null : mac;
    }

    /**
     * The modified EUI-64 address of a MAC in a /64 (SLAAC, RFC 4291 appendix A): the MAC split in two
     * around ff:fe, with the universal/local bit flipped.
     */
    public static String eui64(IPAddress prefix64, String macText) {
        MACAddress mac = mac(macText);
        if (mac == null) {
            throw new IllegalArgumentException("not a MAC address: " + macText);
        }
        byte[] m = mac.getBytes();
        byte[] ip = prefix64.toPrefixBlock().getLower().getBytes();
        ip[8] = (byte) (m[0] ^ 0x02);
        ip[9] = m[1];
        ip[10] = m[2];
        ip[11] = (byte) 0xff;
        ip[12] = (byte) 0xfe;
        ip[13] = m[3];
        ip[14] = m[4];
        ip[15] = m[5];
        return canonical(new inet.ipaddr.ipv6.IPv6Address(ip));
    }
}
