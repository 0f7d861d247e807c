package io.strato.compute.agent.libvirt;

import java.util.Optional;
import java.util.UUID;

/**
 * The libvirt name of a server's domain: {@code instance-<server id>}. Nova names domains
 * {@code instance-%08x} after a database sequence; a name derived from the server id needs no state
 * and tells at a glance which domains belong to the cloud (others on the host are left alone).
 */
public final class InstanceName {
    private static final String PREFIX = "instance-";

    private InstanceName() {
    }

    public static String of(UUID serverId) {
        return PREFIX + serverId;
    }

    /** The server id of a domain name, or empty when the domain is not one of the cloud's. */
    public static Optional<UUID> serverId(String domainName) {
        if (domainName == null || !domainName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(domainName.substring(PREFIX.length()));
            return of(id).equals(domainName) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
