package io.strato.compute.scheduler;

/**
 * One of Nova's weighers: a raw weight per host, min-max normalised over the candidates to 0..1 and
 * multiplied by {@link #multiplier()}; the candidates are tried in order of their summed weights,
 * highest first. A negative multiplier turns spreading into stacking.
 */
public interface HostWeigher {

    /** The name operators list in {@code strato.compute.scheduler.enabled-weighers} (Nova's class name). */
    String name();

    double weigh(HostState host, RequestSpec spec);

    double multiplier();
}
