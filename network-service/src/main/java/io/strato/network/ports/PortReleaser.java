package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A feature that holds on to ports and must let go before one is deleted, inside the deletion's
 * transaction: Neutron disassociates a port's floating IPs when the port goes ({@code
 * disassociate_floatingips}). Every bean implementing this is called by {@link PortDeletes} before it
 * deletes a port.
 */
public interface PortReleaser {
    Uni<Void> releasePort(UUID portId);
}
