package io.strato.network.ports;

import java.util.UUID;

/**
 * One entry of a port's requested {@code fixed_ips}: a subnet to allocate from, an address to take, or
 * both. Either may be null (not both).
 */
public record FixedIpRequest(UUID subnetId, String ipAddress) {
}
