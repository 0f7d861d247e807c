package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.inGroup;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerGroupAntiAffinityFilterTest {
    private final ServerGroupAntiAffinityFilter filter = new ServerGroupAntiAffinityFilter();

    @Test
    void aHostWithAMemberIsRefused() {
        var spec = inGroup("anti-affinity", null);
        assertFalse(filter.passes(host("a").group(1, Set.of("a")).state(), spec));
        assertTrue(filter.passes(host("b").group(0, Set.of("a")).state(), spec));
    }

    @Test
    void maxServerPerHostAllowsThatManyMembers() {
        var spec = inGroup("anti-affinity", 2);
        assertTrue(filter.passes(host("a").group(1, Set.of("a")).state(), spec));
        assertFalse(filter.passes(host("a").group(2, Set.of("a")).state(), spec));
    }

    @Test
    void softAntiAffinityIsAWeigherNotAFilter() {
        assertTrue(filter.passes(host("a").group(3, Set.of("a")).state(), inGroup("soft-anti-affinity", null)));
    }
}
