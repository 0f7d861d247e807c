package io.strato.compute.servers;

import inet.ipaddr.IPAddressString;
import java.util.regex.Pattern;

/** Literal IP address checks without name resolution (InetAddress would look names up). */
final class IpAddresses {
    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpAddresses() {
    }

    static boolean valid(String s) {
        if (s == null) {
            return false;
        }
        if (V4.matcher(s).matches()) {
            return true;
        }
        if (!s.contains(":") || !V6.matcher(s).matches()) {
            return false;
        }
        try {
            // only hex digits, colons and dots reach here, so this parses a literal and never resolves a name
            return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * The address as Nova stores and shows it (netaddr's str): IPv6 in RFC 5952's short form,
     * {@code 0:0:0:0:0:babe:220.12.22.2} becomes {@code ::babe:dc0c:1602}. Only for an address {@link #valid} took.
     */
    static String canonical(String s) {
        return new IPAddressString(s).getAddress().toCanonicalString();
    }
}
