package io.strato.network.secgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import io.strato.network.api.NeutronType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Neutron's rule validation, rule by rule: what is refused (and as which type), and what valid input becomes. */
class RuleRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "\"security_group_id\": \"6d2b1a9e-5c1e-4a4e-9d51-2f6f2b0f7a11\"";

    private static RuleRequest parse(String attributes) throws Exception {
        JsonNode body = JSON.readTree("{" + GROUP + (attributes.isEmpty() ? "" : ", " + attributes) + "}");
        return RuleRequest.of(body);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'direction': 'up'                                                          | HTTPBadRequest",
            "'ethertype': 'IPv4'                                                        | HTTPBadRequest",
            "'direction': 'ingress', 'colour': 'red'                                    | HTTPBadRequest",
            "'direction': 'ingress', 'ethertype': 'IPv5'                                | SecurityGroupRuleInvalidEtherType",
            "'direction': 'ingress', 'protocol': 'tcpx'                                 | SecurityGroupRuleInvalidProtocol",
            "'direction': 'ingress', 'protocol': 256                                    | SecurityGroupRuleInvalidProtocol",
            "'direction': 'ingress', 'protocol': -1                                     | SecurityGroupRuleInvalidProtocol",
            "'direction': 'ingress', 'protocol': ''                                     | SecurityGroupRuleInvalidProtocol",
            "'direction': 'ingress', 'protocol': true                                   | SecurityGroupRuleInvalidProtocol",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 90, 'port_range_max': 80 | SecurityGroupInvalidPortRange",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 22            | SecurityGroupInvalidPortRange",
            "'direction': 'ingress', 'protocol': 'udp', 'port_range_max': 22            | SecurityGroupInvalidPortRange",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 0, 'port_range_max': 80 | SecurityGroupInvalidPortValue",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 1, 'port_range_max': 65536 | SecurityGroupInvalidPortValue",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': -1, 'port_range_max': 80 | SecurityGroupInvalidPortValue",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 'ssh', 'port_range_max': 22 | SecurityGroupInvalidPortValue",
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 22.5, 'port_range_max': 22 | SecurityGroupInvalidPortValue",
            "'direction': 'ingress', 'port_range_min': 22, 'port_range_max': 22        | SecurityGroupProtocolRequiredWithPorts",
            "'direction': 'ingress', 'protocol': 'gre', 'port_range_min': 22, 'port_range_max': 22 | SecurityGroupInvalidProtocolForPort",
            "'direction': 'ingress', 'protocol': '47', 'port_range_min': 22, 'port_range_max': 22 | SecurityGroupInvalidProtocolForPort",
            "'direction': 'ingress', 'protocol': 'icmp', 'port_range_min': 256          | SecurityGroupInvalidIcmpValue",
            "'direction': 'ingress', 'protocol': 'icmp', 'port_range_min': 8, 'port_range_max': 256 | SecurityGroupInvalidIcmpValue",
            "'direction': 'ingress', 'protocol': 'icmp', 'port_range_max': 0            | SecurityGroupMissingIcmpType",
            "'direction': 'ingress', 'remote_ip_prefix': '10.0.300.0/24'                | InvalidCIDR",
            "'direction': 'ingress', 'remote_ip_prefix': '10.0.0.0/33'                  | InvalidCIDR",
            "'direction': 'ingress', 'remote_ip_prefix': 'anywhere'                     | InvalidCIDR",
            "'direction': 'ingress', 'remote_ip_prefix': '10.0.0.*'                     | InvalidCIDR",
            "'direction': 'ingress', 'remote_ip_prefix': '::/0'                         | SecurityGroupRuleParameterConflict",
            "'direction': 'ingress', 'ethertype': 'IPv6', 'remote_ip_prefix': '0.0.0.0/0' | SecurityGroupRuleParameterConflict",
            "'direction': 'ingress', 'protocol': 'ipv6-icmp'                            | SecurityGroupEthertypeConflictWithProtocol",
            "'direction': 'ingress', 'protocol': '58'                                   | SecurityGroupEthertypeConflictWithProtocol",
            "'direction': 'ingress', 'remote_ip_prefix': '10.0.0.0/8', 'remote_group_id': '6d2b1a9e-5c1e-4a4e-9d51-2f6f2b0f7a11' | SecurityGroupMultipleRemoteEntites",
            "'direction': 'ingress', 'description': 5                                   | InvalidInput",
    })
    void invalidRulesAreRefused(String attributes, String type) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> parse(attributes.replace('\'', '"')));
        assertEquals(type, ((NeutronType) e).neutronType(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
            // attributes                                                                | protocol  | min | max   | ethertype | remote prefix
            "'direction': 'ingress', 'protocol': 'tcp', 'port_range_min': 22, 'port_range_max': 22 | tcp | 22 | 22    | IPv4 | -",
            "'direction': 'ingress', 'protocol': 'TCP', 'port_range_min': '80', 'port_range_max': '443' | tcp | 80 | 443 | IPv4 | -",
            "'direction': 'ingress', 'protocol': 6, 'port_range_min': 1, 'port_range_max': 65535 | 6   | -   | -     | IPv4 | -",
            "'direction': 'egress', 'protocol': 'any'                                     | -         | -   | -     | IPv4 | -",
            "'direction': 'egress', 'protocol': null, 'ethertype': 'ipv6'                 | -         | -   | -     | IPv6 | -",
            "'direction': 'ingress', 'protocol': 'icmp', 'port_range_min': 8, 'port_range_max': 0 | icmp | 8 | 0   | IPv4 | -",
            "'direction': 'ingress', 'protocol': 'icmp', 'port_range_min': 0             | icmp      | 0   | -     | IPv4 | -",
            "'direction': 'ingress', 'protocol': 'icmp', 'ethertype': 'IPv6'             | ipv6-icmp | -   | -     | IPv6 | -",
            "'direction': 'ingress', 'protocol': 'icmpv6', 'ethertype': 'IPv6'           | ipv6-icmp | -   | -     | IPv6 | -",
            "'direction': 'ingress', 'protocol': '1', 'ethertype': 'IPv6'                | 58        | -   | -     | IPv6 | -",
            "'direction': 'ingress', 'protocol': 'sctp', 'port_range_min': 5000, 'port_range_max': 5001 | sctp | 5000 | 5001 | IPv4 | -",
            "'direction': 'ingress', 'protocol': 'gre'                                   | gre       | -   | -     | IPv4 | -",
            "'direction': 'ingress', 'remote_ip_prefix': '0.0.0.0/0'                     | -         | -   | -     | IPv4 | 0.0.0.0/0",
            "'direction': 'ingress', 'remote_ip_prefix': '192.168.1.10'                  | -         | -   | -     | IPv4 | 192.168.1.10/32",
            "'direction': 'ingress', 'remote_ip_prefix': '10.1.2.3/8'                    | -         | -   | -     | IPv4 | 10.1.2.3/8",
            "'direction': 'ingress', 'ethertype': 'IPv6', 'remote_ip_prefix': '2001:DB8:0:0::/32' | - | -   | -     | IPv6 | 2001:db8::/32",
    })
    void validRulesAreNormalised(String attributes, String protocol, Integer min, Integer max, String ethertype,
                                 String prefix) throws Exception {
        RuleRequest r = parse(attributes.replace('\'', '"'));
        assertEquals(protocol, r.protocol());
        assertEquals(min, r.portRangeMin());
        assertEquals(max, r.portRangeMax());
        assertEquals(ethertype, r.ethertype());
        assertEquals(prefix, r.remoteIpPrefix());
    }

    @org.junit.jupiter.api.Test
    void theNormalisedCidrIsTheNetworkOfThePrefix() {
        assertEquals("10.0.0.0/8", RemotePrefix.parse("10.1.2.3/8").network());
        assertEquals("2001:db8::/32", RemotePrefix.parse("2001:db8::1/32").network());
        assertEquals("0.0.0.0/0", RemotePrefix.parse("0.0.0.0/0").network());
    }

    @org.junit.jupiter.api.Test
    void aProtocolByNameAndByNumberIsOneRule() {
        SecurityGroupRule byName = rule("tcp", "IPv4", null);
        SecurityGroupRule byNumber = rule("6", "IPv4", "0.0.0.0/0");
        assertEquals(RuleKey.of(byName), RuleKey.of(byNumber));
        assertTrue(!RuleKey.of(byName).equals(RuleKey.of(rule("udp", "IPv4", null))));
        assertNull(RuleKey.of(rule(null, "IPv6", "::/0")).protocol());
    }

    private static SecurityGroupRule rule(String protocol, String ethertype, String prefix) {
        SecurityGroupRule r = new SecurityGroupRule();
        r.securityGroupId = java.util.UUID.fromString("6d2b1a9e-5c1e-4a4e-9d51-2f6f2b0f7a11");
        r.direction = "ingress";
        r.ethertype = ethertype;
        r.protocol = protocol;
        r.remoteIpPrefix = prefix;
        return r;
    }
}
