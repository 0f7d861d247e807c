package io.strato.network.agent.dhcp;

import java.util.List;
import java.util.UUID;

/**
 * Asks network-service for this host's DHCP port on a network (device_owner {@code network:dhcp}), with an
 * address on each of its DHCP subnets.
 */
@FunctionalInterface
public interface DhcpPortRequests {
    void request(UUID networkId, List<UUID> subnets);
}
