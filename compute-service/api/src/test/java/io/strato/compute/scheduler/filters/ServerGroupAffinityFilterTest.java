package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.inGroup;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerGroupAffinityFilterTest {
    private final ServerGroupAffinityFilter filter = new ServerGroupAffinityFilter();

    @Test
    void theFirstMemberMayGoAnywhere() {
        assertTrue(filter.passes(host("a").state(), inGroup("affinity", null)));
    }

    @Test
    void laterMembersOnlyGoWhereTheGroupIs() {
        var spec = inGroup("affinity", null);
        assertTrue(filter.passes(host("a").group(1, Set.of("a")).state(), spec));
        assertFalse(filter.passes(host("b").group(0, Set.of("a")).state(), spec));
    }

    @Test
    void otherPoliciesAndNoGroupAreNotFiltered() {
        assertTrue(filter.passes(host("b").group(0, Set.of("a")).state(), inGroup("soft-affinity", null)));
        assertTrue(filter.passes(host("b").group(0, Set.of("a")).state(), spec(1, 512, 1)));
    }
}
