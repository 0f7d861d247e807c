package io.strato.compute.scheduler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The filter scheduler's configuration (Nova's [filter_scheduler] options). */
@ConfigMapping(prefix = "strato.compute.scheduler")
public interface SchedulerConfig {

    /** Filters applied in this order (Nova's names, case-insensitive); a host must pass all of them. */
    @WithDefault("ComputeFilter,AvailabilityZoneFilter,RamFilter,CoreFilter,DiskFilter,"
            + "ServerGroupAffinityFilter,ServerGroupAntiAffinityFilter,ImagePropertiesFilter")
    List<String> enabledFilters();

    /** Weighers whose normalised weights are summed (Nova's names, case-insensitive). */
    @WithDefault("RAMWeigher,CPUWeigher,ServerGroupSoftAffinityWeigher,ServerGroupSoftAntiAffinityWeigher")
    List<String> enabledWeighers();

    /** Multiplier of RAMWeigher: positive spreads servers over hosts with free RAM, negative stacks them. */
    @WithDefault("1.0")
    double ramWeightMultiplier();

    /** Multiplier of CPUWeigher: positive spreads servers over hosts with free vCPUs, negative stacks them. */
    @WithDefault("1.0")
    double cpuWeightMultiplier();

    /** Multiplier of ServerGroupSoftAffinityWeigher (must not be negative, as in Nova). */
    @WithDefault("1.0")
    double softAffinityWeightMultiplier();

    /** Multiplier of ServerGroupSoftAntiAffinityWeigher (must not be negative, as in Nova). */
    @WithDefault("1.0")
    double softAntiAffinityWeightMultiplier();
}
