package io.strato.compute.scheduler.weighers;

import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Nova's CPUWeigher: more claimable vCPUs (under the allocation ratio) weigh more, so servers spread. */
public final class CpuWeigher extends ConfiguredWeigher {
    public CpuWeigher(double multiplier) {
        super(multiplier);
    }

    @Override
    public String name() {
        return "CPUWeigher";
    }

    @Override
    public double weigh(HostState host, RequestSpec spec) {
        return host.usableVcpus();
    }
}
