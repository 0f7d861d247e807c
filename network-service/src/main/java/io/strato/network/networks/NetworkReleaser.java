package io.strato.network.networks;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A feature whose ports go with their network rather than keep it in use: Neutron deletes a network's DHCP
 * ports with it. Every bean implementing this is called by {@link NetworkService#delete}, inside its transaction,
 * before it checks that no port is left.
 */
public interface NetworkReleaser {
    Uni<Void> releaseNetwork(UUID networkId);
}
