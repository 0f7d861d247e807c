package io.strato.network.subnets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.ApiException;
import io.strato.network.api.NeutronType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The checks and defaults of a subnet's addressing (no database). */
class SubnetLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NET = "\"network_id\": \"4ca51da3-d6e8-4a65-a357-0168d1aaf424\"";

    private static SubnetLayout layout(String attributes) {
        try {
            return SubnetLayout.create(SubnetRequest.create(JSON.readTree("{" + NET + ", " + attributes + "}")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void defaultsAreNeutrons() {
        SubnetLayout l = layout("\"ip_version\": 4, \"cidr\": \"10.0.1.0/24\"");
        assertEquals("10.0.1.0/24", l.cidr());
        assertEquals("10.0.1.1", l.gatewayIp());
        assertEquals(List.of(Map.of("start", "10.0.1.2", "end", "10.0.1.254")), l.pools());
        assertEquals(4, l.ipVersion());
    }

    @Test
    void hostBitsAreClearedAsNeutronNormalisesTheCidr() {
        assertEquals("10.0.1.0/24", layout("\"cidr\": \"10.0.1.77/24\"").cidr());
        assertEquals("2001:db8::/64", layout("\"cidr\": \"2001:DB8:0::5/64\"").cidr());
    }

    @Test
    void aNullGatewayMeansNoGatewayAndAWholePool() {
        SubnetLayout l = layout("\"cidr\": \"10.0.1.0/24\", \"gateway_ip\": null");
        assertNull(l.gatewayIp());
        assertEquals(List.of(Map.of("start", "10.0.1.1", "end", "10.0.1.254")), l.pools());
    }

    @Test
    void ipv6SubnetsAndTheirModes() {
        SubnetLayout l = layout("\"ip_version\": 6, \"cidr\": \"2001:db8:1::/64\", \"ipv6_ra_mode\": \"slaac\", \"ipv6_address_mode\": \"slaac\"");
        assertEquals("2001:db8:1::1", l.gatewayIp());
        assertEquals("slaac", l.ipv6AddressMode());
        assertTrue(l.overlaps("2001:db8:1::/48"));
    }

    @Test
    void dnsAndRoutesAreCanonical() {
        SubnetLayout l = layout("\"cidr\": \"10.0.1.0/24\", \"dns_nameservers\": [\"8.8.8.8\"], "
                + "\"host_routes\": [{\"destination\": \"192.168.0.0/16\", \"nexthop\": \"10.0.1.254\"}]");
        assertEquals(List.of("8.8.8.8"), l.dnsNameservers());
        assertEquals(List.of(Map.of("destination", "192.168.0.0/16", "nexthop", "10.0.1.254")), l.hostRoutes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            octet over 255           | "cidr": "10.0.300.0/24"                                                  | InvalidInput | 400
            not an address           | "cidr": "ten/8"                                                          | InvalidInput | 400
            no prefix length         | "cidr": "10.0.0.0"                                                       | InvalidInput | 400
            prefix 0                 | "cidr": "0.0.0.0/0"                                                      | InvalidInput | 400
            version mismatch         | "ip_version": 6, "cidr": "10.0.0.0/24"                                   | InvalidInput | 400
            bad version              | "ip_version": 5, "cidr": "10.0.0.0/24"                                   | InvalidInput | 400
            gateway outside          | "cidr": "10.0.0.0/24", "gateway_ip": "10.0.1.1"                          | InvalidInput | 400
            gateway is network addr  | "cidr": "10.0.0.0/24", "gateway_ip": "10.0.0.0"                          | InvalidInput | 400
            gateway is broadcast     | "cidr": "10.0.0.0/24", "gateway_ip": "10.0.0.255"                        | InvalidInput | 400
            gateway not an address   | "cidr": "10.0.0.0/24", "gateway_ip": "gw"                                | InvalidInput | 400
            pool start after end     | "cidr": "10.0.0.0/24", "allocation_pools": [{"start": "10.0.0.9", "end": "10.0.0.3"}]  | InvalidAllocationPool | 400
            pool outside             | "cidr": "10.0.0.0/24", "allocation_pools": [{"start": "10.0.0.9", "end": "10.0.1.3"}]  | OutOfBoundsAllocationPool | 400
            pools overlap            | "cidr": "10.0.0.0/24", "allocation_pools": [{"start": "10.0.0.5", "end": "10.0.0.9"}, {"start": "10.0.0.9", "end": "10.0.0.20"}] | OverlappingAllocationPools | 400
            pool holds the gateway   | "cidr": "10.0.0.0/24", "allocation_pools": [{"start": "10.0.0.1", "end": "10.0.0.9"}]  | GatewayConflictWithAllocationPools | 409
            pool without end         | "cidr": "10.0.0.0/24", "allocation_pools": [{"start": "10.0.0.1"}]                     | InvalidInput | 400
            pools not a list         | "cidr": "10.0.0.0/24", "allocation_pools": "10.0.0.2-10.0.0.9"                        | InvalidInput | 400
            bad dns                  | "cidr": "10.0.0.0/24", "dns_nameservers": ["dns.example"]                | InvalidInput | 400
            duplicate dns            | "cidr": "10.0.0.0/24", "dns_nameservers": ["1.1.1.1", "1.1.1.1"]         | InvalidInput | 400
            ipv6 dns on ipv4         | "cidr": "10.0.0.0/24", "dns_nameservers": ["2001:db8::53"]               | InvalidInput | 400
            bad route                | "cidr": "10.0.0.0/24", "host_routes": [{"destination": "x", "nexthop": "10.0.0.1"}]  | InvalidInput | 400
            ipv6 mode on ipv4        | "cidr": "10.0.0.0/24", "ipv6_address_mode": "slaac"                      | InvalidInput | 400
            modes differ             | "cidr": "2001:db8::/64", "ipv6_ra_mode": "slaac", "ipv6_address_mode": "dhcpv6-stateful" | InvalidInput | 400
            slaac needs a /64        | "cidr": "2001:db8::/80", "ipv6_address_mode": "slaac"                    | InvalidInput | 400
            unknown mode             | "cidr": "2001:db8::/64", "ipv6_address_mode": "magic"                    | InvalidInput | 400
            pool id not a uuid       | "cidr": "10.0.0.0/24", "subnetpool_id": "pool-1"                         | InvalidInput | 400
            cidr with prefixlen      | "cidr": "10.0.0.0/24", "prefixlen": 26                                   | BadRequest | 400
            pool and default pool    | "subnetpool_id": "4ca51da3-d6e8-4a65-a357-0168d1aaf424", "use_default_subnetpool": true | BadRequest | 400
            default pool no version  | "use_default_subnetpool": true                                           | BadRequest | 400
            pool with pools, no cidr | "subnetpool_id": "4ca51da3-d6e8-4a65-a357-0168d1aaf424", "allocation_pools": [{"start": "10.0.0.2", "end": "10.0.0.9"}] | BadRequest | 400
            negative prefixlen       | "subnetpool_id": "4ca51da3-d6e8-4a65-a357-0168d1aaf424", "prefixlen": -1 | InvalidInput | 400
            unknown attribute        | "cidr": "10.0.0.0/24", "colour": "red"                                   | HTTPBadRequest | 400
            """)
    void badSubnetsAreRefused(String why, String attributes, String type, int status) {
        ApiException e = assertThrows(ApiException.class, () -> layout(attributes));
        assertEquals(type, ((NeutronType) e).neutronType(), why + ": " + e.getMessage());
        assertEquals(status, e.status(), why);
    }

    @Test
    void theCidrIsRequired() {
        ApiException e = assertThrows(ApiException.class, () -> layout("\"ip_version\": 4"));
        assertEquals(400, e.status());
    }
}
