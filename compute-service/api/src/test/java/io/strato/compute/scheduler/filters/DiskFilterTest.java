package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.protocol.Commands;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskFilterTest {
    private final DiskFilter filter = new DiskFilter();

    @Test
    void rootDiskUpToFreeDiskPasses() {
        var h = host("a").disk(100, 60).state();
        assertTrue(filter.passes(h, spec(1, 512, 40)));
        assertFalse(filter.passes(h, spec(1, 512, 41)));
    }

    @Test
    void ephemeralAndSwapCountToo() {
        // 10 root + 5 ephemeral + 1025 MB swap (2 GB rounded up) = 17 GB
        var f = new Commands.Flavor("x", "x", 1, 512, 10, 5, 1025, Map.of());
        var req = spec(f);
        assertEquals(17, req.diskGb());
        assertTrue(filter.passes(host("a").disk(17, 0).state(), req));
        assertFalse(filter.passes(host("a").disk(16, 0).state(), req));
    }

    @Test
    void theDiskRatioAllowsThinOvercommit() {
        var h = host("a").disk(100, 150).ratios(16, 1.5, 2.0).state();
        assertTrue(filter.passes(h, spec(1, 512, 50)));
        assertFalse(filter.passes(h, spec(1, 512, 51)));
    }
}
