package io.strato.network.agent.dhcp;

import java.util.UUID;

/** Asks network-service for this host's DHCP port on a network (device_owner {@code network:dhcp}). */
@FunctionalInterface
public interface DhcpPortRequests {
    void request(UUID networkId);
}
