package io.strato.compute.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the metadata documents are made of: one server as compute-service knows it. */
public record InstanceData(UUID id, String name, String projectId, String availabilityZone, String keyName,
        String keyData, String userData, Map<String, String> metadata, int launchIndex, Instant createdAt,
        List<Nic> nics) {

    /** A port of the server: its MAC, network, and fixed addresses. */
    public record Nic(UUID portId, UUID networkId, String mac, int mtu, List<String> ipv4, List<String> ipv6) {
    }

    /** The guest's host name: the server name made DNS-safe, as Nova's {@code hostname} is. */
    public String hostname() {
        return io.strato.compute.servers.Server.hostname(name, id);
    }
}
