package io.strato.compute.hosts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Overcommit of every compute host (Nova's {@code *_allocation_ratio}, with Nova's defaults). Applied
 * to a host's row at each of its reports, so a changed value takes effect at the next heartbeat.
 */
@ConfigMapping(prefix = "strato.compute")
public interface AllocationRatios {

    /** Virtual CPUs per physical CPU. */
    @WithDefault("16.0")
    double cpuAllocationRatio();

    /** Guest RAM per MB of physical RAM. */
    @WithDefault("1.5")
    double ramAllocationRatio();

    /** Guest disk per GB of local disk (thin qcow2 overlays make more than 1.0 possible). */
    @WithDefault("1.0")
    double diskAllocationRatio();
}
