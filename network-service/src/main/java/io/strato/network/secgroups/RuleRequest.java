package io.strato.network.secgroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import java.util.Optional;
import java.util.Set;

/**
 * A security group rule as a create request asks for it, converted and checked as Neutron does before
 * it looks anything up: protocol by name or number, port values, ethertype, the remote prefix (a CIDR
 * of the rule's IP version), port ranges only for protocols with ports (ICMP: type and code), and at
 * most one remote. Whether the groups exist, and duplicates, are the service's to check.
 */
record RuleRequest(String securityGroupId, String direction, String ethertype, String protocol,
                   Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix, String remoteGroupId,
                   String remoteAddressGroupId, String description, String projectId) {

    static final Set<String> ATTRIBUTES = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
            "description", "project_id", "tenant_id");
    private static final int PORT_MIN = 1;
    private static final int PORT_MAX = 65535;

    static RuleRequest of(JsonNode body) {
        Attributes a = Attributes.of(body, ATTRIBUTES);
        String group = required(a, "security_group_id");
        String direction = required(a, "direction");
        a.string("security_group_id", 36);
        if (!"ingress".equals(direction) && !"egress".equals(direction)) {
            throw Neutron.badRequest("HTTPBadRequest", "Invalid input for direction. Reason: '" + direction
                    + "' is not in ['ingress', 'egress'].");
        }
        String protocol = Protocols.convert(a.raw("protocol"));
        Integer min = port(a.raw("port_range_min"));
        Integer max = port(a.raw("port_range_max"));
        String ethertype = Ethertypes.convert(a.raw("ethertype"));
        RemotePrefix prefix = a.string("remote_ip_prefix", 255).filter(s -> !s.isEmpty()).map(RemotePrefix::parse).orElse(null);
        RuleRequest r = new RuleRequest(group, direction, ethertype, Protocols.canonical(protocol, ethertype),
                min, max, prefix == null ? null : prefix.toString(), a.string("remote_group_id", 255).filter(s -> !s.isEmpty()).orElse(null),
                a.string("remote_address_group_id", 255).filter(s -> !s.isEmpty()).orElse(null), a.string("description", 255).orElse(""),
                projectId(a));
        return r.wholeRangeAsNone().checked(prefix);
    }

    /** Both project_id and tenant_id may be given; they must agree. */
    static String projectId(Attributes a) {
        Optional<String> project = a.string("project_id", 255);
        Optional<String> tenant = a.string("tenant_id", 255);
        if (project.isPresent() && tenant.isPresent() && !project.equals(tenant)) {
            throw Neutron.invalid("project_id and tenant_id do not match.");
        }
        return project.or(() -> tenant).orElse(null);
    }

    private static String required(Attributes a, String name) {
        if (!a.has(name) || a.raw(name).isNull()) {
            throw Neutron.badRequest("HTTPBadRequest", "Failed to parse request. Required attribute '" + name + "' not specified");
        }
        JsonNode v = a.raw(name);
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** neutron's {@code convert_validate_port_value}: an integer 0 to 65535 (text or number), or null. */
    private static Integer port(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.isTextual() ? v.asText().trim() : v.toString();
        if ((v.isIntegralNumber() || v.isTextual()) && text.matches("\\d{1,5}") && Integer.parseInt(text) <= PORT_MAX) {
            return Integer.parseInt(text);
        }
        throw Neutron.badRequest("SecurityGroupInvalidPortValue", "Invalid value for port " + text);
    }

    /** 1-65535 is every port: Neutron stores it as no range at all. */
    private RuleRequest wholeRangeAsNone() {
        if (portRangeMin != null && portRangeMin == PORT_MIN && portRangeMax != null && portRangeMax == PORT_MAX) {
            return new RuleRequest(securityGroupId, direction, ethertype, protocol, null, null, remoteIpPrefix,
                    remoteGroupId, remoteAddressGroupId, description, projectId);
        }
        return this;
    }

    private RuleRequest checked(RemotePrefix prefix) {
        checkPortRange();
        if (prefix != null && !ethertype.equals(Ethertypes.of(prefix.ipVersion()))) {
            throw Neutron.badRequest("SecurityGroupRuleParameterConflict",
                    "Conflicting value ethertype " + ethertype + " for CIDR " + prefix);
        }
        if (Ethertypes.IPV4.equals(ethertype) && Protocols.ipv6Only(protocol)) {
            throw Neutron.badRequest("SecurityGroupEthertypeConflictWithProtocol",
                    "Invalid ethertype " + ethertype + " for protocol " + protocol + ".");
        }
        int remotes = (remoteIpPrefix != null ? 1 : 0) + (remoteGroupId != null ? 1 : 0) + (remoteAddressGroupId != null ? 1 : 0);
        if (remotes > 1) {
            throw Neutron.badRequest("SecurityGroupMultipleRemoteEntites",
                    "Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.");
        }
        return this;
    }

    /** neutron's {@code _validate_port_range}. */
    private void checkPortRange() {
        if (portRangeMin == null && portRangeMax == null) {
            return;
        }
        if (protocol == null) {
            throw Neutron.badRequest("SecurityGroupProtocolRequiredWithPorts", "Must also specify protocol if port range is given.");
        }
        int number = Protocols.numberOf(protocol);
        if (Protocols.WITH_PORTS.contains(number)) {
            if (Integer.valueOf(0).equals(portRangeMin) || Integer.valueOf(0).equals(portRangeMax)) {
                throw Neutron.badRequest("SecurityGroupInvalidPortValue", "Invalid value for port 0");
            }
            if (portRangeMin == null || portRangeMax == null || portRangeMin > portRangeMax) {
                throw Neutron.badRequest("SecurityGroupInvalidPortRange", "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
        } else if (number == Protocols.NUM_ICMP || number == Protocols.NUM_IPV6_ICMP) {
            icmpValue("type", "port_range_min", portRangeMin);
            icmpValue("code", "port_range_max", portRangeMax);
            if (portRangeMin == null) {
                throw Neutron.badRequest("SecurityGroupMissingIcmpType", "ICMP code (port-range-max) " + portRangeMax
                        + " is provided but ICMP type (port-range-min) is missing.");
            }
        } else {
            throw Neutron.badRequest("SecurityGroupInvalidProtocolForPort", "Ports cannot be specified for protocol "
                    + number + ". Ports are only supported for " + Protocols.WITH_PORTS_NAMES + ".");
        }
    }

    private static void icmpValue(String field, String attr, Integer value) {
        if (value != null && value > 255) {
            throw Neutron.badRequest("SecurityGroupInvalidIcmpValue", "Invalid value for ICMP " + field + " (" + attr + ") "
                    + value + ". It must be 0 to 255.");
        }
    }
}
