package io.strato.network.secgroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Neutron;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IP protocols a rule may name, as neutron-lib's {@code IP_PROTOCOL_MAP}: by name, by number 0 to
 * 255, or {@code any}/null for every protocol. Names are stored lower case, numbers as their decimal text.
 */
final class Protocols {
    static final String ANY = "any";
    static final String ICMP = "icmp";
    static final String IPV6_ICMP = "ipv6-icmp";
    static final String IPV6_ICMP_LEGACY = "icmpv6";
    static final int NUM_ICMP = 1;
    static final int NUM_IPV6_ICMP = 58;

    /** neutron-lib's names and numbers, in its order (the order its error message lists them in). */
    static final Map<String, Integer> NUMBERS = numbers();

    /** Protocols with ports: DCCP, SCTP, TCP, UDP, UDPLITE. */
    static final Set<Integer> WITH_PORTS = Set.of(33, 132, 6, 17, 136);
    static final String WITH_PORTS_NAMES = "DCCP, SCTP, TCP, UDP, UDPLITE";

    /** Protocols only IPv6 carries (a rule of ethertype IPv4 cannot name them). */
    private static final Set<String> IPV6_ONLY = Set.of("ipv6-encap", "ipv6-frag", IPV6_ICMP, IPV6_ICMP_LEGACY,
            "ipv6-nonxt", "ipv6-opts", "ipv6-route", "41", "44", "58", "59", "60", "43");

    private Protocols() {
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ah", 51);
        m.put("dccp", 33);
        m.put("egp", 8);
        m.put("esp", 50);
        m.put("gre", 47);
        m.put("hopopt", 0);
        m.put(ICMP, NUM_ICMP);
        m.put("igmp", 2);
        m.put("ip", 0);
        m.put("ipip", 4);
        m.put("ipv6-encap", 41);
        m.put("ipv6-frag", 44);
        m.put(IPV6_ICMP, NUM_IPV6_ICMP);
        m.put(IPV6_ICMP_LEGACY, NUM_IPV6_ICMP);
        m.put("ipv6-nonxt", 59);
        m.put("ipv6-opts", 60);
        m.put("ipv6-route", 43);
        m.put("ospf", 89);
        m.put("pgm", 113);
        m.put("rsvp", 46);
        m.put("sctp", 132);
        m.put("tcp", 6);
        m.put("udp", 17);
        m.put("udplite", 136);
        m.put("vrrp", 112);
        return Collections.unmodifiableMap(m);
    }

    /**
     * neutron's {@code convert_protocol}: null for any protocol, a known name in lower case, or a
     * number 0 to 255 as text; anything else is {@code SecurityGroupRuleInvalidProtocol}.
     */
    static String convert(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return number(value.asInt(), value.toString());
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (ANY.equals(text)) {
                return null;
            }
            if (text.matches("\\d{1,3}")) {
                return number(Integer.parseInt(text), text);
            }
            if (NUMBERS.containsKey(text.toLowerCase())) {
                return text.toLowerCase();
            }
        }
        throw invalid(value.isTextual() ? value.asText() : value.toString());
    }

    private static String number(int n, String given) {
        if (n < 0 || n > 255) {
            throw invalid(given);
        }
        return Integer.toString(n);
    }

    private static RuntimeException invalid(String given) {
        List<String> names = NUMBERS.keySet().stream().map(n -> "'" + n + "'").toList();
        return Neutron.badRequest("SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + given
                + " not supported. Only protocol values [None, 'any', " + String.join(", ", names)
                + "] and integer representations [0 to 255] are supported.");
    }

    /** The protocol's number, or null for any protocol. */
    static Integer numberOf(String protocol) {
        if (protocol == null) {
            return null;
        }
        Integer n = NUMBERS.get(protocol);
        return n != null ? n : Integer.valueOf(protocol);
    }

    /**
     * The stored form of a rule's protocol: for IPv6, the legacy ICMP names and number 1 become
     * {@code ipv6-icmp} and 58, as Neutron rewrites them.
     */
    static String canonical(String protocol, String ethertype) {
        if (protocol != null && Ethertypes.IPV6.equals(ethertype)) {
            if (ICMP.equals(protocol) || IPV6_ICMP_LEGACY.equals(protocol)) {
                return IPV6_ICMP;
            }
            if (Integer.toString(NUM_ICMP).equals(protocol)) {
                return Integer.toString(NUM_IPV6_ICMP);
            }
        }
        return protocol;
    }

    static boolean ipv6Only(String protocol) {
        return protocol != null && IPV6_ONLY.contains(protocol);
    }
}
