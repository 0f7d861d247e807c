package io.strato.compute.scheduler.weighers;

import io.strato.compute.scheduler.HostWeigher;

/** A weigher whose multiplier comes from configuration ({@code strato.compute.scheduler.*-weight-multiplier}). */
abstract class ConfiguredWeigher implements HostWeigher {
    private final double multiplier;

    ConfiguredWeigher(double multiplier) {
        this.multiplier = multiplier;
    }

    @Override
    public final double multiplier() {
        return multiplier;
    }
}
