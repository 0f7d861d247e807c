package io.strato.compute.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostWeigher;
import io.strato.compute.scheduler.TestConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerPluginsTest {
    /** The lists the service really starts with (SchedulerConfig's defaults, application.properties): every plugin, in Nova's order. */
    @Test
    void theDefaultsEnableEveryFilterAndWeigherInOrder() {
        var c = TestConfig.real();
        var all = SchedulerPlugins.allWeighers(c).stream().map(HostWeigher::name).toList();
        assertEquals(SchedulerPlugins.allFilters().stream().map(HostFilter::name).toList(),
                SchedulerPlugins.filters(c).stream().map(HostFilter::name).toList());
        assertEquals(all, SchedulerPlugins.weighers(c).stream().map(HostWeigher::name).toList());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), SchedulerPlugins.weighers(c).stream().map(HostWeigher::multiplier).toList());
    }

    @Test
    void namesAreCaseInsensitiveAndTheConfiguredOrderIsKept() {
        var c = new TestConfig(List.of(" ramfilter", "ComputeFilter"), List.of("ramweigher"), 3.0, 1.0, 1.0, 1.0);
        assertEquals(List.of("RamFilter", "ComputeFilter"), SchedulerPlugins.filters(c).stream().map(HostFilter::name).toList());
        assertEquals(3.0, SchedulerPlugins.weighers(c).get(0).multiplier());
    }

    @Test
    void anUnknownNameStopsTheServiceWithTheKnownNames() {
        var c = new TestConfig(List.of("RamFilter", "NUMATopologyFilter"), List.of(), 1.0, 1.0, 1.0, 1.0);
        var e = assertThrows(IllegalArgumentException.class, () -> SchedulerPlugins.filters(c));
        assertTrue(e.getMessage().contains("NUMATopologyFilter") && e.getMessage().contains("DiskFilter"), e.getMessage());
    }

    @Test
    void aNegativeSoftAffinityMultiplierIsRefused() {
        var c = new TestConfig(List.of(), List.of("ServerGroupSoftAffinityWeigher"), 1.0, 1.0, -1.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> SchedulerPlugins.weighers(c));
    }
}
