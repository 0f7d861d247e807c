package io.strato.network.ports;

import java.util.UUID;

/** An address a port holds, and the subnet it belongs to. */
public record FixedIp(UUID subnetId, String ipAddress) {
}
