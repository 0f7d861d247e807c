package io.strato.network.agent.model;

import java.util.UUID;

/**
 * A floating IP: its address on the external network, and (when associated) the port and fixed address it maps to
 * through the router {@code routerId}.
 */
public record FloatingIpInfo(UUID id, String floatingIpAddress, UUID routerId, UUID portId, String fixedIpAddress,
        long revision) {

    /** Whether it maps to a port through a router (what the router's NAT needs). */
    public boolean mapped() {
        return routerId != null && portId != null && fixedIpAddress != null;
    }
}
