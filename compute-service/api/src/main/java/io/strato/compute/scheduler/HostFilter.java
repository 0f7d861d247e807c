package io.strato.compute.scheduler;

/**
 * One of Nova's host filters: a host that does not pass is not a candidate for the request.
 * Filters are pure (no I/O): everything they read is in the {@link HostState} and the {@link RequestSpec}.
 */
public interface HostFilter {

    /** The name operators list in {@code strato.compute.scheduler.enabled-filters} (Nova's class name). */
    String name();

    boolean passes(HostState host, RequestSpec spec);
}
