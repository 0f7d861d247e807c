package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Only hosts with the flavor's RAM still claimable: memory_mb * ram_allocation_ratio - memory_mb_used. */
public final class RamFilter implements HostFilter {
    @Override
    public String name() {
        return "RamFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return host.usableRamMb() >= spec.memoryMb();
    }
}
