package io.strato.network.secgroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Neutron;

/** A rule's ethertype: {@code IPv4} or {@code IPv6}, accepted in any case as Neutron converts it. */
final class Ethertypes {
    static final String IPV4 = "IPv4";
    static final String IPV6 = "IPv6";

    private Ethertypes() {
    }

    /** The ethertype given, or IPv4 when none is. */
    static String convert(JsonNode value) {
        if (value == null) {
            return IPV4;
        }
        if (value.isTextual()) {
            for (String e : new String[] {IPV4, IPV6}) {
                if (e.equalsIgnoreCase(value.asText())) {
                    return e;
                }
            }
        }
        throw Neutron.badRequest("SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '"
                + (value.isTextual() ? value.asText() : value.toString()) + "' not supported. Allowed values are ['IPv4', 'IPv6'].");
    }

    static String of(int ipVersion) {
        return ipVersion == 6 ? IPV6 : IPV4;
    }
}
