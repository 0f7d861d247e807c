package io.strato.compute.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the metadata documents are made of: one server as compute-service knows it. */
public record InstanceData(UUID id, String name, String projectId, String availabilityZone, String keyName,
        String keyData, String userData, Map<String, String> metadata, int launchIndex, Instant createdAt,
        List<Nic> nics, String storedHostname) {

    /** Without a stored host name (servers made before it was kept): the name made DNS-safe. */
    public InstanceData(UUID id, String name, String projectId, String availabilityZone, String keyName, String keyData,
                        String userData, Map<String, String> metadata, int launchIndex, Instant createdAt, List<Nic> nics) {
        this(id, name, projectId, availabilityZone, keyName, keyData, userData, metadata, launchIndex, createdAt, nics, null);
    }

    /** A port of the server: its MAC, network, and fixed addresses. */
    public record Nic(UUID portId, UUID networkId, String mac, int mtu, List<String> ipv4, List<String> ipv6) {
    }

    /** The guest's host name: the server's (Nova's {@code hostname}), else its name made DNS-safe. */
    public String hostname() {
        return storedHostname != null ? storedHostname : io.strato.compute.servers.Server.hostname(name, id);
    }
}
