package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Server rows and their ports. {@link #lock} and {@link #tryLock} are how every writer serialises on one server. */
@ApplicationScoped
public class ServerRepository implements PanacheRepositoryBase<Server, UUID> {

    /** The server, row-locked until the transaction ends (waits for another holder); null when absent. */
    public Uni<Server> lock(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from server where id = :id for update", Server.class)
                .setParameter("id", id).getSingleResultOrNull());
    }

    /** The server row-locked, or null when absent or locked by someone else (the saga's single-flight). */
    public Uni<Server> tryLock(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select * from server where id = :id for update skip locked", Server.class)
                .setParameter("id", id).getSingleResultOrNull());
    }

    public Uni<List<ServerPort>> ports(UUID serverId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from ServerPort where serverId = :id order by portId", ServerPort.class)
                .setParameter("id", serverId).getResultList());
    }

    /** The ports of many servers at once, by server id (a list page). */
    public Uni<Map<UUID, List<ServerPort>>> ports(Collection<UUID> serverIds) {
        if (serverIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from ServerPort where serverId in :ids order by portId", ServerPort.class)
                .setParameter("ids", serverIds).getResultList())
                .map(list -> list.stream().collect(Collectors.groupingBy(p -> p.serverId)));
    }

    public Uni<Void> replacePorts(UUID serverId, List<ServerPort> ports) {
        return Panache.getSession().chain(s -> s.createMutationQuery("delete from ServerPort where serverId = :id")
                        .setParameter("id", serverId).executeUpdate()
                        .chain(() -> s.persistAll(ports.toArray()))
                        .chain(s::flush));
    }

    /** The tags (2.26) of many servers at once, each list sorted; servers without any are absent. */
    public Uni<Map<UUID, List<String>>> tags(Collection<UUID> serverIds) {
        if (serverIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT server_id, tag FROM server_tag WHERE server_id IN (:ids) ORDER BY tag", Object[].class)
                .setParameter("ids", serverIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                        Collectors.mapping(r -> (String) r[1], Collectors.toList()))));
    }
}
