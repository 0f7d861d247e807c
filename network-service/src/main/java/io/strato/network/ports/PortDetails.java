package io.strato.network.ports;

import java.util.List;
import java.util.UUID;

/** A port with its addresses and security groups, as its view and its events show it. */
public record PortDetails(Port port, List<FixedIp> fixedIps, List<UUID> securityGroups) {
}
