package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Only hosts with root + ephemeral + swap (GB, swap rounded up) claimable under disk_allocation_ratio. */
public final class DiskFilter implements HostFilter {
    @Override
    public String name() {
        return "DiskFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return host.usableDiskGb() >= spec.diskGb();
    }
}
