package io.strato.network.subnetpools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strato.kit.faults.ApiException;
import io.strato.network.api.NeutronType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pool's prefixes and bounds as Neutron's SubnetPoolReader reads them, and allocation from them. */
class PoolPrefixesTest {

    private static PoolPrefixes pool(String... prefixes) {
        return PoolPrefixes.of(List.of(prefixes), Optional.empty(), Optional.empty(), Optional.empty(), null);
    }

    private static PoolPrefixes pool(int defaultLen, int min, int max, Integer quota, String... prefixes) {
        return PoolPrefixes.of(List.of(prefixes), Optional.of(defaultLen), Optional.of(min), Optional.of(max), quota);
    }

    private static void refused(String type, int status, Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(type, ((NeutronType) e).neutronType(), e.getMessage());
        assertEquals(status, e.status());
    }

    @Test
    void prefixesAreCompactedAndBoundsDefaultByVersion() {
        PoolPrefixes v4 = pool("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25", "192.168.7.9/24");
        assertEquals(List.of("10.0.0.0/23", "192.168.7.0/24"), v4.prefixes());
        assertEquals(4, v4.ipVersion());
        assertEquals(8, v4.minPrefixlen());
        assertEquals(32, v4.maxPrefixlen());
        assertEquals(8, v4.defaultPrefixlen());
        PoolPrefixes v6 = pool("2001:db8::/48");
        assertEquals(List.of("2001:db8::/48"), v6.prefixes());
        assertEquals(6, v6.ipVersion());
        assertEquals(64, v6.minPrefixlen());
        assertEquals(128, v6.maxPrefixlen());
        assertEquals(64, v6.defaultPrefixlen());
    }

    @Test
    void badPrefixesAndBoundsAreRefusedWithNeutronsTypes() {
        refused("EmptySubnetPoolPrefixList", 400, () -> pool());
        refused("PrefixVersionMismatch", 400, () -> pool("10.0.0.0/8", "2001:db8::/32"));
        refused("InvalidInput", 400, () -> pool("10.0.0.0/33"));
        refused("InvalidInput", 400, () -> pool("10.0.0.0"));
        refused("IllegalSubnetPoolPrefixBounds", 400, () -> pool(24, 28, 26, null, "10.0.0.0/16"));
        refused("IllegalSubnetPoolPrefixBounds", 400, () -> pool(24, 8, 33, null, "10.0.0.0/16"));
        refused("IllegalSubnetPoolPrefixBounds", 400, () -> pool(7, 8, 32, null, "10.0.0.0/16"));
        refused("IllegalSubnetPoolPrefixBounds", 400, () -> pool(30, 8, 28, null, "10.0.0.0/16"));
    }

    @Test
    void theNextPrefixIsTheFirstFreeOneInTheSmallestBlockThatHoldsIt() {
        PoolPrefixes p = pool(24, 8, 32, null, "10.0.0.0/16", "10.9.0.0/24");
        assertEquals("10.0.1.0/24", p.next(24, List.of("10.0.0.0/24", "10.9.0.0/24")));
        // best fit: the /24 block is used before the /16 is cut
        assertEquals("10.9.0.0/26", p.next(26, List.of()));
        assertEquals("10.9.0.64/26", p.next(26, List.of("10.9.0.0/26")));
        assertEquals("10.0.0.0/16", p.next(16, List.of()));
        refused("SubnetAllocationError", 409, () -> p.next(16, List.of("10.0.200.0/24")));
        PoolPrefixes v6 = pool("2001:db8::/62");
        assertEquals("2001:db8:0:2::/64", v6.next(64, List.of("2001:db8::/64", "2001:db8:0:1::/64")));
        refused("SubnetAllocationError", 409, () -> v6.next(64,
                List.of("2001:db8::/64", "2001:db8:0:1::/64", "2001:db8:0:2::/63")));
    }

    @Test
    void aGivenCidrMustLieInFreeSpace() {
        PoolPrefixes p = pool("10.0.0.0/16");
        p.checkFree("10.0.1.0/24", List.of("10.0.0.0/24"));
        refused("SubnetAllocationError", 409, () -> p.checkFree("10.0.0.0/25", List.of("10.0.0.0/24")));
        refused("SubnetAllocationError", 409, () -> p.checkFree("10.0.0.0/15", List.of()));
        refused("SubnetAllocationError", 409, () -> p.checkFree("10.1.0.0/24", List.of()));
    }

    @Test
    void prefixLengthsOutsideTheBoundsAreRefused() {
        PoolPrefixes p = pool(24, 20, 28, null, "10.0.0.0/16");
        p.checkPrefixlen(20);
        p.checkPrefixlen(28);
        refused("MaxPrefixSubnetAllocationError", 400, () -> p.checkPrefixlen(29));
        refused("MinPrefixSubnetAllocationError", 400, () -> p.checkPrefixlen(19));
    }

    @Test
    void thePoolOnlyGrows() {
        PoolPrefixes p = pool("10.0.0.0/16", "10.5.0.0/24");
        p.checkGrowsTo(pool("10.0.0.0/15", "10.5.0.0/24"));
        p.checkGrowsTo(pool("10.0.0.0/8"));
        refused("IllegalSubnetPoolPrefixUpdate", 400, () -> p.checkGrowsTo(pool("10.0.0.0/16")));
        refused("IllegalSubnetPoolPrefixUpdate", 400, () -> p.checkGrowsTo(pool("10.0.0.0/17", "10.5.0.0/24")));
    }

    @Test
    void theDefaultQuotaCountsAddressesPerProject() {
        // 512 /32s: two /24s fit, a third does not
        PoolPrefixes p = pool(24, 8, 32, 512, "10.0.0.0/16");
        p.checkQuota(24, List.of("10.0.0.0/24"));
        refused("SubnetPoolQuotaExceeded", 409, () -> p.checkQuota(24, List.of("10.0.0.0/24", "10.0.1.0/24")));
        refused("SubnetPoolQuotaExceeded", 409, () -> p.checkQuota(22, List.of()));
        pool("10.0.0.0/16").checkQuota(8, List.of("10.0.0.0/24"));
    }
}
