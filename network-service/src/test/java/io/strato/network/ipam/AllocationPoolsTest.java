package io.strato.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.ApiException;
import io.strato.network.api.NeutronType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Default and given allocation pools, as Neutron computes and checks them. */
class AllocationPoolsTest {

    private static List<Map<String, String>> defaults(String cidr, String gateway) {
        return AllocationPools.defaults(Addresses.parseCidr(cidr), Addresses.parse(gateway));
    }

    private static Map<String, String> pool(String start, String end) {
        return Map.of("start", start, "end", end);
    }

    @Test
    void aSlash24PoolIsAllButNetworkBroadcastAndGateway() {
        assertEquals(List.of(pool("10.0.1.2", "10.0.1.254")), defaults("10.0.1.0/24", "10.0.1.1"));
    }

    @Test
    void aGatewayInTheMiddleSplitsThePool() {
        assertEquals(List.of(pool("10.0.1.1", "10.0.1.99"), pool("10.0.1.101", "10.0.1.254")),
                defaults("10.0.1.0/24", "10.0.1.100"));
        assertEquals(List.of(pool("10.0.1.1", "10.0.1.253")), defaults("10.0.1.0/24", "10.0.1.254"));
    }

    @Test
    void withoutAGatewayEveryHostAddressIsInThePool() {
        assertEquals(List.of(pool("10.0.1.1", "10.0.1.254")), defaults("10.0.1.0/24", null));
    }

    @Test
    void tinySubnets() {
        assertEquals(List.of(pool("10.0.9.2", "10.0.9.2")), defaults("10.0.9.0/30", "10.0.9.1"));
        assertEquals(List.of(pool("10.0.9.2", "10.0.9.6")), defaults("10.0.9.0/29", "10.0.9.1"));
        assertEquals(List.of(), defaults("10.0.9.0/31", null));
        assertEquals(List.of(pool("10.0.9.7", "10.0.9.7")), defaults("10.0.9.7/32", null));
    }

    @Test
    void ipv6PoolsKeepTheLastAddress() {
        assertEquals(List.of(pool("2001:db8::2", "2001:db8::ffff:ffff:ffff:ffff")), defaults("2001:db8::/64", "2001:db8::1"));
    }

    @Test
    void givenPoolsAreCanonicalAndKeepTheirOrder() {
        var block = Addresses.parseCidr("10.0.0.0/24");
        assertEquals(List.of(pool("10.0.0.100", "10.0.0.200"), pool("10.0.0.10", "10.0.0.20")),
                AllocationPools.validate(List.of(pool("10.0.0.100", "10.0.0.200"), pool("10.0.0.10", "10.0.0.20")),
                        block, Addresses.parse("10.0.0.1")));
        assertEquals(List.of(pool("2001:db8::a", "2001:db8::ff")), AllocationPools.validate(
                List.of(pool("2001:DB8:0::A", "2001:0db8::00ff")), Addresses.parseCidr("2001:db8::/64"), null));
        // 010 is neither octal 8 nor decimal 10 to Neutron: it is not an address
        assertType("InvalidAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("010.0.0.10", "10.0.0.20")),
                block, Addresses.parse("10.0.0.1")));
    }

    @Test
    void badPoolsAreRefusedWithNeutronsTypes() {
        var block = Addresses.parseCidr("10.0.0.0/24");
        var gw = Addresses.parse("10.0.0.1");
        assertType("InvalidAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("10.0.0.9", "10.0.0.5")), block, gw));
        assertType("InvalidAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("nope", "10.0.0.5")), block, gw));
        assertType("InvalidAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("2001:db8::1", "2001:db8::5")), block, gw));
        assertType("OutOfBoundsAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("10.0.0.2", "10.0.1.5")), block, gw));
        assertType("OutOfBoundsAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("10.0.0.0", "10.0.0.5")), block, gw));
        assertType("OutOfBoundsAllocationPool", 400, () -> AllocationPools.validate(List.of(pool("10.0.0.2", "10.0.0.255")), block, gw));
        assertType("OverlappingAllocationPools", 400, () -> AllocationPools.validate(
                List.of(pool("10.0.0.2", "10.0.0.50"), pool("10.0.0.50", "10.0.0.60")), block, gw));
        assertType("GatewayConflictWithAllocationPools", 409, () -> AllocationPools.validate(List.of(pool("10.0.0.1", "10.0.0.5")), block, gw));
    }

    @Test
    void aPoolKnowsItsAddresses() {
        var p = AllocationPools.of(List.of(pool("10.0.0.2", "10.0.0.4"))).get(0);
        assertTrue(p.contains(Addresses.parse("10.0.0.3")));
        assertTrue(!p.contains(Addresses.parse("10.0.0.5")));
        assertTrue(!p.contains(Addresses.parse("2001:db8::3")));
    }

    static void assertType(String type, int status, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(type, ((NeutronType) e).neutronType());
        assertEquals(status, e.status());
    }
}
