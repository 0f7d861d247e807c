package io.strato.network.secgroups;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import io.strato.network.api.Neutron;

/**
 * A rule's {@code remote_ip_prefix}, read as Neutron's netaddr reads it: an address with an optional
 * prefix length ({@code 10.0.0.5} is {@code 10.0.0.5/32}); host bits are kept as given, and
 * {@code normalized_cidr} is the network the prefix names.
 */
final class RemotePrefix {
    /** Plain addresses only: no wildcards, ranges, inet_aton shorthands or zones. */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder().allow_inet_aton(false).allowLeadingZeros(false).getParentBuilder()
            .getIPv6AddressParametersBuilder().allowZone(false).getParentBuilder()
            .toParams();

    private final IPAddress address;
    private final int prefixLength;

    private RemotePrefix(IPAddress address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /** The prefix, or {@code InvalidCIDR} (400). */
    static RemotePrefix parse(String text) {
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        IPAddress a = s.isIPAddress() ? s.getAddress() : null;
        if (a == null) {
            throw Neutron.badRequest("InvalidCIDR", "Invalid CIDR " + text + " given as IP prefix.");
        }
        Integer prefix = a.getNetworkPrefixLength();
        return new RemotePrefix(a.getLower().withoutPrefixLength(), prefix == null ? a.getBitCount() : prefix);
    }

    int ipVersion() {
        return address.isIPv6() ? 6 : 4;
    }

    /** {@code 10.0.0.5/24}, as stored and shown. */
    @Override
    public String toString() {
        return address.toCanonicalString() + "/" + prefixLength;
    }

    /** {@code 10.0.0.0/24}: the network of the prefix. */
    String network() {
        return address.setPrefixLength(prefixLength, false).toPrefixBlock().getLower().withoutPrefixLength()
                .toCanonicalString() + "/" + prefixLength;
    }

    /** No prefix, 0.0.0.0/0 or ::/0: every address (Neutron compares rules so). */
    static boolean isAny(String prefix) {
        return prefix == null || "0.0.0.0/0".equals(prefix) || "::/0".equals(prefix);
    }
}
