package io.strato.compute.scheduler.weighers;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.inGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerGroupSoftAffinityWeigherTest {
    private final ServerGroupSoftAffinityWeigher w = new ServerGroupSoftAffinityWeigher(1.0);

    @Test
    void membersOnTheHostWeighForSoftAffinity() {
        assertEquals(2, w.weigh(host("a").group(2, Set.of("a")).state(), inGroup("soft-affinity", null)));
        assertEquals(0, w.weigh(host("b").group(0, Set.of("a")).state(), inGroup("soft-affinity", null)));
    }

    @Test
    void otherPoliciesWeighNothing() {
        assertEquals(0, w.weigh(host("a").group(2, Set.of("a")).state(), inGroup("soft-anti-affinity", null)));
        assertEquals(0, w.weigh(host("a").group(2, Set.of("a")).state(), inGroup("affinity", null)));
    }
}
