package io.strato.network.subnets;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A feature whose addresses go with their subnet rather than keep it in use: Neutron takes a DHCP port's address
 * on a subnet away when the subnet is deleted. Called by {@link SubnetService#delete} inside its transaction,
 * before it checks that no address is left.
 */
public interface SubnetReleaser {
    Uni<Void> releaseSubnet(UUID subnetId);
}
