package io.strato.network.agent.firewall;

import java.util.Map;
import java.util.OptionalInt;

/** Neutron's protocol names and their IP protocol numbers; a rule may also give the number itself. */
final class Protocols {

    static final int ICMP = 1;
    static final int ICMPV6 = 58;

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("hopopt", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipip", 4),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("udp", 17), Map.entry("ipv6-encap", 41),
            Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44), Map.entry("rsvp", 46), Map.entry("gre", 47),
            Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("icmpv6", 58), Map.entry("ipv6-icmp", 58),
            Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60), Map.entry("ospf", 89), Map.entry("pgm", 113),
            Map.entry("vrrp", 112), Map.entry("sctp", 132), Map.entry("udplite", 136), Map.entry("dccp", 33));

    private Protocols() {
    }

    /** The protocol number of a rule's {@code protocol}; empty for "any" (null, "any", "0" is hop-by-hop, kept). */
    static OptionalInt number(String protocol) {
        if (protocol == null || protocol.isEmpty() || "any".equalsIgnoreCase(protocol)) {
            return OptionalInt.empty();
        }
        Integer known = NUMBERS.get(protocol.toLowerCase());
        if (known != null) {
            return OptionalInt.of(known);
        }
        try {
            int n = Integer.parseInt(protocol);
            if (n >= 0 && n <= 255) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // not a number either
        }
        throw new IllegalArgumentException("unknown protocol " + protocol);
    }

    /** Protocols whose rules may carry a port range (TCP, UDP, SCTP, DCCP, UDP-Lite). */
    static boolean hasPorts(int protocol) {
        return protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33 || protocol == 136;
    }
}
