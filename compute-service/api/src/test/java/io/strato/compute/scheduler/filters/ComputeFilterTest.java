package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComputeFilterTest {
    private final ComputeFilter filter = new ComputeFilter();

    @Test
    void anEnabledHostThatIsUpPasses() {
        assertTrue(filter.passes(host("a").state(), spec(1, 512, 1)));
    }

    @Test
    void aDownHostDoesNotPass() {
        assertFalse(filter.passes(host("a").up(false).state(), spec(1, 512, 1)));
    }

    @Test
    void aDisabledHostDoesNotPass() {
        assertFalse(filter.passes(host("a").enabled(false).state(), spec(1, 512, 1)));
    }
}
