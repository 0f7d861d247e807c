package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoreFilterTest {
    private final CoreFilter filter = new CoreFilter();

    @Test
    void vcpusUpToTotalTimesRatioMinusUsedPass() {
        // 4 x 2.0 = 8 claimable, 6 used: 2 left
        var h = host("a").vcpus(4, 6).ratios(2.0, 1.5, 1.0).state();
        assertTrue(filter.passes(h, spec(2, 512, 1)));
        assertFalse(filter.passes(h, spec(3, 512, 1)));
    }

    @Test
    void aServerWiderThanThePhysicalHostNeverFits() {
        var h = host("a").vcpus(4, 0).state(); // 64 claimable under 16.0, but only 4 CPUs
        assertTrue(filter.passes(h, spec(4, 512, 1)));
        assertFalse(filter.passes(h, spec(5, 512, 1)));
    }
}
