package io.strato.compute.scheduler.weighers;

import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** soft-affinity: the more members of the group a host already has, the more it weighs (never a filter). */
public final class ServerGroupSoftAffinityWeigher extends ConfiguredWeigher {
    public ServerGroupSoftAffinityWeigher(double multiplier) {
        super(multiplier);
    }

    @Override
    public String name() {
        return "ServerGroupSoftAffinityWeigher";
    }

    @Override
    public double weigh(HostState host, RequestSpec spec) {
        return spec.hasPolicy("soft-affinity") ? host.groupMembers() : 0;
    }
}
