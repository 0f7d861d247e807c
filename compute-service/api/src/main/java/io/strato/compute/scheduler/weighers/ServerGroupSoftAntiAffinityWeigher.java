package io.strato.compute.scheduler.weighers;

import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** soft-anti-affinity: the more members of the group a host already has, the less it weighs (never a filter). */
public final class ServerGroupSoftAntiAffinityWeigher extends ConfiguredWeigher {
    public ServerGroupSoftAntiAffinityWeigher(double multiplier) {
        super(multiplier);
    }

    @Override
    public String name() {
        return "ServerGroupSoftAntiAffinityWeigher";
    }

    @Override
    public double weigh(HostState host, RequestSpec spec) {
        return spec.hasPolicy("soft-anti-affinity") ? -host.groupMembers() : 0;
    }
}
