package io.strato.network.ipam;

import java.util.UUID;

/**
 * An address on a subnet. As a request: {@code ip} null means "any free address of the subnet"; as a
 * result, both are set.
 */
public record Address(UUID subnetId, String ip) {
}
