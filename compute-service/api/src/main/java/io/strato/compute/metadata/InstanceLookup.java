package io.strato.compute.metadata;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerPort;
import io.strato.compute.servers.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads one server and its ports for the metadata API; null when there is no such (live) server. */
@ApplicationScoped
public class InstanceLookup {

    private final ServerRepository servers;

    InstanceLookup(ServerRepository servers) {
        this.servers = servers;
    }

    @WithSession
    public Uni<InstanceData> find(UUID id) {
        return servers.findById(id).flatMap(s -> s == null || s.pendingCleanup ? Uni.createFrom().nullItem()
                : servers.ports(id).map(ports -> of(s, ports)));
    }

    /** The instance data of {@code s} with {@code ports} (the metadata API and config drives share it). */
    static InstanceData of(Server s, List<ServerPort> ports) {
        List<InstanceData.Nic> nics = ports.stream().map(p -> new InstanceData.Nic(p.portId, p.networkId, p.macAddress, 0,
                p.fixedIps.stream().filter(a -> a.version() == 4).map(ServerPort.Address::ipAddress).toList(),
                p.fixedIps.stream().filter(a -> a.version() == 6).map(ServerPort.Address::ipAddress).toList())).toList();
        return new InstanceData(s.id, s.name, s.projectId, s.availabilityZone, s.keyName, s.keyData, s.userData,
                s.metadata == null ? Map.of() : Map.copyOf(s.metadata), s.launchIndex, s.createdAt, nics, s.hostname);
    }
}
