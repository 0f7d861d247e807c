package io.strato.compute.scheduler.weighers;

import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/** Nova's RAMWeigher: more free physical RAM weighs more, so servers spread (a negative multiplier stacks). */
public final class RamWeigher extends ConfiguredWeigher {
    public RamWeigher(double multiplier) {
        super(multiplier);
    }

    @Override
    public String name() {
        return "RAMWeigher";
    }

    @Override
    public double weigh(HostState host, RequestSpec spec) {
        return host.freeRamMb();
    }
}
