package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Hard affinity: once a member of the group is placed, the others go to its host. */
public final class ServerGroupAffinityFilter implements HostFilter {
    @Override
    public String name() {
        return "ServerGroupAffinityFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return !spec.hasPolicy("affinity") || host.groupHosts().isEmpty() || host.groupHosts().contains(host.host());
    }
}
