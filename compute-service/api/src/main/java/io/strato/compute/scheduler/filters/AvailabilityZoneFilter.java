package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;

/**
 * Only hosts of the requested availability zone. As in Nova, {@code zone:host} (or {@code :host},
 * any zone) asks for one host; a trailing {@code :node} is ignored (one node per host here).
 */
public final class AvailabilityZoneFilter implements HostFilter {
    @Override
    public String name() {
        return "AvailabilityZoneFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        String requested = spec.availabilityZone();
        if (requested == null || requested.isBlank()) {
            return true;
        }
        String[] parts = requested.split(":", 3);
        String zone = parts[0];
        String wantedHost = parts.length > 1 ? parts[1] : "";
        return (zone.isEmpty() || zone.equals(host.availabilityZone()))
                && (wantedHost.isEmpty() || wantedHost.equals(host.host()));
    }
}
