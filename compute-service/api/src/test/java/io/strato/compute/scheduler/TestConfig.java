package io.strato.compute.scheduler;

import io.strato.compute.scheduler.plugins.SchedulerPlugins;
import java.util.List;

/** A {@link SchedulerConfig} for tests without Quarkus: the defaults, or other filter/weigher lists. */
public record TestConfig(List<String> enabledFilters, List<String> enabledWeighers, double ramWeightMultiplier,
                         double cpuWeightMultiplier, double softAffinityWeightMultiplier,
                         double softAntiAffinityWeightMultiplier) implements SchedulerConfig {

    public static TestConfig defaults() {
        return new TestConfig(
                List.of("ComputeFilter", "AvailabilityZoneFilter", "RamFilter", "CoreFilter", "DiskFilter",
                        "ServerGroupAffinityFilter", "ServerGroupAntiAffinityFilter", "ImagePropertiesFilter"),
                List.of("RAMWeigher", "CPUWeigher", "ServerGroupSoftAffinityWeigher", "ServerGroupSoftAntiAffinityWeigher"),
                1.0, 1.0, 1.0, 1.0);
    }

    public static HostSelector selector(SchedulerConfig c) {
        return new HostSelector(SchedulerPlugins.filters(c), SchedulerPlugins.weighers(c));
    }
}
