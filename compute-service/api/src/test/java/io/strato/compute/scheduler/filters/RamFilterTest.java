package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RamFilterTest {
    private final RamFilter filter = new RamFilter();

    @Test
    void ramUpToTotalTimesRatioMinusUsedPasses() {
        // 1024 MB x 1.5 = 1536 claimable, 1000 used: 536 left
        var h = host("a").ram(1024, 1000).state();
        assertTrue(filter.passes(h, spec(1, 536, 0)));
        assertFalse(filter.passes(h, spec(1, 537, 0)));
    }

    @Test
    void withoutOvercommitTheRatioOneIsPhysicalRam() {
        var h = host("a").ram(2048, 0).ratios(16, 1.0, 1.0).state();
        assertTrue(filter.passes(h, spec(1, 2048, 0)));
        assertFalse(filter.passes(h, spec(1, 2049, 0)));
    }
}
