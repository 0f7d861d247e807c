package io.strato.compute.securitygroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Ids;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A new rule as Nova's os-security-group-rules reads it (schema, then security_group_api's _new_ingress_rule and
 * parse_cidr), with Nova's 400 messages. {@link #rule} is null when a CIDR rule lacks a protocol or a port
 * (Nova's "Not enough parameters to build a valid rule.").
 */
record RuleRequest(String parentGroupId, String groupId, NovaRule rule) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern INTEGER = Pattern.compile("\\s*[-+]?\\d{1,9}\\s*");

    static RuleRequest parse(JsonNode body) {
        JsonNode r = BodyFields.object(body, "security_group_rule");
        JsonNode parent = r.get("parent_group_id");
        if (parent == null) {
            throw new InvalidInput("Invalid input for field/attribute security_group_rule. Value: " + r
                    + ". 'parent_group_id' is a required property");
        }
        String parentId = uuid("parent_group_id", parent);
        JsonNode group = r.get("group_id");
        String groupId = group == null || group.isNull() ? null : uuid("group_id", group);
        return new RuleRequest(parentId, groupId, rule(groupId, r.get("ip_protocol"), r.get("from_port"),
                r.get("to_port"), r.get("cidr")));
    }

    private static String uuid(String field, JsonNode n) {
        if (!n.isTextual()) {
            throw BodyFields.invalid(field, n, n + " is not of type 'string'");
        }
        if (Ids.parse(n.asText()).isEmpty()) {
            throw BodyFields.invalid(field, n, "'" + n.asText() + "' is not a 'uuid'");
        }
        return n.asText();
    }

    private static NovaRule rule(String groupId, JsonNode protocolNode, JsonNode fromNode, JsonNode toNode, JsonNode cidrNode) {
        String protocol = protocolNode == null || protocolNode.isNull() ? null : protocolNode.asText();
        Object from = value(fromNode);
        Object to = value(toNode);
        String cidr = null;
        if (groupId != null) {
            String upper = protocol == null ? "" : protocol.toUpperCase(Locale.ROOT);
            if (upper.equals("ICMP") && from == null && to == null) {
                from = -1;
                to = -1;
            } else if ((upper.equals("TCP") || upper.equals("UDP")) && from == null && to == null) {
                from = 1;
                to = 65535;
            }
        } else {
            cidr = cidr(cidrNode);
        }
        if (protocol == null || protocol.isEmpty() || from == null || to == null) {
            // without a group, a CIDR rule needs a protocol and its ports
            return groupId == null ? null : new NovaRule(groupId, null, null, null, null);
        }
        String upper = protocol.toUpperCase(Locale.ROOT);
        Integer f = integer(from);
        Integer t = integer(to);
        if (f == null || t == null) {
            throw new InvalidInput("Invalid input received: " + (upper.equals("ICMP")
                    ? "Type and Code must be integers for ICMP protocol type" : "To and From ports must be integers"));
        }
        if (!upper.equals("TCP") && !upper.equals("UDP") && !upper.equals("ICMP")) {
            throw new InvalidInput("Invalid IP protocol " + protocol + ".");
        }
        if (!upper.equals("ICMP") && f > t) {
            throw range(f, t, "Former value cannot be greater than the later");
        }
        if (!upper.equals("ICMP") && (f < 1 || t > 65535)) {
            throw range(f, t, "Valid " + upper + " ports should be between 1-65535");
        }
        if (upper.equals("ICMP") && (f < -1 || f > 255 || t < -1 || t > 255)) {
            throw range(f, t, "For ICMP, the type:code must be valid");
        }
        return new NovaRule(groupId, cidr, protocol, f, t);
    }

    /** A port as given: null when absent or null, else the JSON value (a number or a text). */
    private static Object value(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isNumber() ? (Object) n : n.asText();
    }

    /** Python's int() of the value: integral numbers (floats truncated) and texts of digits; null otherwise. */
    private static Integer integer(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof JsonNode n) {
            return n.canConvertToInt() ? n.intValue() : null;
        }
        String s = (String) v;
        return INTEGER.matcher(s).matches() ? Integer.parseInt(s.strip().replace("+", "")) : null;
    }

    private static InvalidInput range(int from, int to, String why) {
        return new InvalidInput("Invalid port range " + from + ":" + to + ". " + why);
    }

    /**
     * Nova's parse_cidr: none or empty is {@code 0.0.0.0/0}; otherwise (URL-unquoted) an IPv4 or IPv6 network with a
     * prefix length, else 400 {@code <cidr> is not a valid IP network.}; a prefix of 0 on another net than
     * 0.0.0.0 or :: is 400 {@code Bad prefix for network in cidr <cidr>}.
     */
    static String cidr(JsonNode n) {
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            return "0.0.0.0/0";
        }
        String raw = n.isTextual() ? n.asText() : n.toString();
        String cidr;
        try {
            cidr = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCidr(raw);
        }
        int slash = cidr.indexOf('/');
        if (!n.isTextual() || slash < 0 || slash == cidr.length() - 1) {
            throw invalidCidr(cidr);
        }
        String net = cidr.substring(0, slash);
        String prefix = cidr.substring(slash + 1);
        boolean v6 = net.contains(":");
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > (v6 ? 128 : 32)
                || !(v6 ? ipv6(net) : IPV4.matcher(net).matches())) {
            throw invalidCidr(cidr);
        }
        if (Integer.parseInt(prefix) == 0 && !net.equals("0.0.0.0") && !net.equals("::")) {
            throw new InvalidInput("Bad prefix for network in cidr " + cidr);
        }
        return cidr;
    }

    private static boolean ipv6(String net) {
        if (!net.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(net) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static InvalidInput invalidCidr(String cidr) {
        return new InvalidInput(cidr + " is not a valid IP network.");
    }
}
