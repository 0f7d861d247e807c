package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Hard anti-affinity: fewer than max_server_per_host (default 1) members of the group on the host. */
public final class ServerGroupAntiAffinityFilter implements HostFilter {
    @Override
    public String name() {
        return "ServerGroupAntiAffinityFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        return !spec.hasPolicy("anti-affinity") || host.groupMembers() < spec.membersPerHost();
    }
}
