package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/**
 * Only hosts with the flavor's vCPUs still claimable under cpu_allocation_ratio, and never a server
 * with more vCPUs than the host has physical CPUs (overcommit spreads guests, it cannot widen one).
 */
public final class CoreFilter implements HostFilter {
    @Override
    public String name() {
        return "CoreFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return spec.vcpus() <= host.vcpus() && host.usableVcpus() >= spec.vcpus();
    }
}
