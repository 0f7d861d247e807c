package io.strato.compute.scheduler;

import static io.strato.compute.scheduler.Fixtures.excluding;
import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.inGroup;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostSelectorTest {
    private final HostSelector selector = TestConfig.selector(TestConfig.defaults());

    private static List<String> names(HostSelector.Selection s) {
        return s.ranked().stream().map(HostState::host).toList();
    }

    @Test
    void hostsWithMoreFreeRamComeFirst() {
        var s = selector.select(List.of(host("a").ram(16384, 8192).state(), host("b").ram(16384, 0).state(),
                host("c").ram(16384, 4096).state()), spec(1, 512, 1));
        assertEquals(List.of("b", "c", "a"), names(s));
        assertNull(s.emptiedBy());
    }

    @Test
    void filteredAndExcludedHostsAreNotCandidates() {
        var s = selector.select(List.of(host("a").state(), host("b").up(false).state(), host("c").state()),
                excluding("a"));
        assertEquals(List.of("c"), names(s));
    }

    @Test
    void theFilterThatLeftNoHostIsNamed() {
        var s = selector.select(List.of(host("a").ram(1024, 0).state(), host("b").ram(2048, 0).state()),
                spec(1, 4096, 1));
        assertTrue(s.ranked().isEmpty());
        assertEquals("RamFilter", s.emptiedBy());
        assertEquals("excluded hosts", selector.select(List.of(host("a").state()), excluding("a")).emptiedBy());
    }

    @Test
    void weightsAreNormalisedSoOneHugeHostDoesNotDrownTheOtherWeigher() {
        // RAM: a has far more free RAM (normalised 1.0 vs 0.0); vCPU: b has more free vCPUs (0 vs 1.0).
        // With CPU multiplier 2 the vCPU side wins although its raw numbers are tiny next to RAM's.
        var c = new TestConfig(TestConfig.defaults().enabledFilters(), List.of("RAMWeigher", "CPUWeigher"),
                1.0, 2.0, 1.0, 1.0);
        var s = TestConfig.selector(c).select(List.of(host("a").ram(1_000_000, 0).vcpus(8, 100).state(),
                host("b").ram(16384, 0).vcpus(8, 0).state()), spec(1, 512, 1));
        assertEquals(List.of("b", "a"), names(s));
    }

    @Test
    void equalWeightsKeepHostOrder() {
        var s = selector.select(List.of(host("a").state(), host("b").state(), host("c").state()), spec(1, 512, 1));
        assertEquals(List.of("a", "b", "c"), names(s));
    }

    @Test
    void aNegativeRamMultiplierStacks() {
        var c = new TestConfig(TestConfig.defaults().enabledFilters(), List.of("RAMWeigher"), -1.0, 1.0, 1.0, 1.0);
        var s = TestConfig.selector(c).select(List.of(host("a").ram(16384, 0).state(), host("b").ram(16384, 8192).state()),
                spec(1, 512, 1));
        assertEquals(List.of("b", "a"), names(s));
    }

    @Test
    void softAntiAffinityPrefersHostsWithoutMembersButFallsBackToThem() {
        var spec = inGroup("soft-anti-affinity", null);
        Set<String> groupHosts = Set.of("a", "b");
        var both = selector.select(List.of(host("a").group(2, groupHosts).state(), host("b").group(1, groupHosts).state(),
                host("c").state()), spec);
        assertEquals("c", names(both).get(0));
        var onlyOccupied = selector.select(List.of(host("a").group(2, groupHosts).state(),
                host("b").group(1, groupHosts).state()), spec);
        assertEquals(List.of("b", "a"), names(onlyOccupied));
    }

    @Test
    void softAffinityPrefersTheHostWithMembersOverMoreFreeRam() {
        var c = new TestConfig(TestConfig.defaults().enabledFilters(), List.of("RAMWeigher", "ServerGroupSoftAffinityWeigher"),
                1.0, 1.0, 2.0, 1.0);
        Set<String> groupHosts = Set.of("a");
        var s = TestConfig.selector(c).select(List.of(host("a").ram(16384, 8192).group(1, groupHosts).state(),
                host("b").ram(16384, 0).group(0, groupHosts).state()), inGroup("soft-affinity", null));
        assertEquals(List.of("a", "b"), names(s));
    }

    @Test
    void hardAntiAffinityLeavesNoHostWhenEveryHostHasAMember() {
        Set<String> groupHosts = Set.of("a", "b");
        var s = selector.select(List.of(host("a").group(1, groupHosts).state(), host("b").group(1, groupHosts).state()),
                inGroup("anti-affinity", null));
        assertEquals("ServerGroupAntiAffinityFilter", s.emptiedBy());
    }
}
