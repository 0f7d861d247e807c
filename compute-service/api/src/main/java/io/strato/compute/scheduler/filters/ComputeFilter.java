package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Only hosts whose compute service is enabled and up (recent heartbeat, not forced down). */
public final class ComputeFilter implements HostFilter {
    @Override
    public String name() {
        return "ComputeFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return host.enabled() && host.up();
    }
}
