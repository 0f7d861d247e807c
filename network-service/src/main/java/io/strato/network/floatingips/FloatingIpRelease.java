package io.strato.network.floatingips;

import io.smallrye.mutiny.Uni;
import io.strato.network.networks.NetworkReleaser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * An external network's unassociated floating IPs do not keep it in use: Neutron deletes them (and their ports)
 * with the network. An associated one keeps its port, so the network's delete is still a 409 NetworkInUse.
 */
@ApplicationScoped
public class FloatingIpRelease implements NetworkReleaser {
    private final FloatingIpService floatingIps;

    FloatingIpRelease(FloatingIpService floatingIps) {
        this.floatingIps = floatingIps;
    }

    @Override
    public Uni<Void> releaseNetwork(UUID networkId) {
        return floatingIps.deleteUnassociated(networkId);
    }
}
