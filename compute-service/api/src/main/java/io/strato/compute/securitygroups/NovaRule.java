package io.strato.compute.securitygroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An ingress rule as Nova's security group API thinks of it (nova/network/security_group_api.py): a remote group
 * or a CIDR, a protocol and a port (or ICMP type/code) range. {@link #of} reads Neutron's rule as Nova converts it;
 * {@link #toNeutron} writes the rule Nova creates (always ingress; IPv6 only for an IPv6 CIDR; -1 means no bound).
 */
record NovaRule(String groupId, String cidr, String protocol, Integer fromPort, Integer toPort) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static NovaRule of(JsonNode r) {
        String protocol = r.path("protocol").asText(null);
        Integer from = r.hasNonNull("port_range_min") ? r.get("port_range_min").asInt() : null;
        Integer to = r.hasNonNull("port_range_max") ? r.get("port_range_max").asInt() : null;
        if (protocol != null && from == null && to == null) {
            boolean tcpOrUdp = protocol.equalsIgnoreCase("tcp") || protocol.equalsIgnoreCase("udp");
            from = tcpOrUdp ? 1 : -1;
            to = tcpOrUdp ? 65535 : -1;
        }
        String prefix = r.path("remote_ip_prefix").asText(null);
        return new NovaRule(r.path("remote_group_id").asText(null), prefix == null || prefix.isEmpty() ? "0.0.0.0/0" : prefix,
                protocol, from, to);
    }

    /** Whether {@code existing} (a Neutron rule of the group) is this rule, compared as Nova's _rule_exists does. */
    boolean sameAs(JsonNode existing) {
        NovaRule e = of(existing);
        return Objects.equals(groupId, e.groupId) && Objects.equals(cidr, e.cidr) && Objects.equals(fromPort, e.fromPort)
                && Objects.equals(toPort, e.toPort) && Objects.equals(protocol, e.protocol);
    }

    ObjectNode toNeutron(String parentGroupId) {
        ObjectNode n = JSON.createObjectNode().put("direction", "ingress");
        n.put("protocol", protocol);
        n.put("ethertype", cidr != null && cidr.contains(":") ? "IPv6" : "IPv4");
        n.put("remote_ip_prefix", cidr);
        n.put("security_group_id", parentGroupId);
        n.put("remote_group_id", groupId);
        if (fromPort != null && fromPort != -1) {
            n.put("port_range_min", fromPort);
        }
        if (toPort != null && toPort != -1) {
            n.put("port_range_max", toPort);
        }
        return n;
    }
}
