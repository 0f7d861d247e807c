package io.strato.compute.volumes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.strato.compute.servers.AttachedVolumes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The attachment rows. Writers take the server's row first ({@code ServerRepository.lock}), then these, then the
 * instance-action rows, as every other writer does (no deadlock).
 */
@ApplicationScoped
public class VolumeAttachmentRepository implements PanacheRepositoryBase<VolumeAttachment, UUID>, AttachedVolumes {

    /** The server's attachments in device order. */
    public Uni<List<VolumeAttachment>> ofServer(UUID serverId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from VolumeAttachment where serverId = :id order by device", VolumeAttachment.class)
                .setParameter("id", serverId).getResultList());
    }

    /** The volume ids attached to each of many servers (the servers' {@code volumes_attached}). */
    @Override
    public Uni<Map<UUID, List<UUID>>> volumeIds(Collection<UUID> serverIds) {
        if (serverIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from VolumeAttachment where serverId in :ids order by device", VolumeAttachment.class)
                .setParameter("ids", serverIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(a -> a.serverId,
                        Collectors.mapping(a -> a.volumeId, Collectors.toList()))));
    }

    /** The row waiting for that agent command, row-locked; null when none waits for it. */
    public Uni<VolumeAttachment> lockByCommand(UUID commandId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select * from server_volume_attachment where command_id = :c for update", VolumeAttachment.class)
                .setParameter("c", commandId).getSingleResultOrNull());
    }

    /** The volume's row, row-locked; null when the volume is attached nowhere. */
    public Uni<VolumeAttachment> lock(UUID volumeId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select * from server_volume_attachment where volume_id = :v for update", VolumeAttachment.class)
                .setParameter("v", volumeId).getSingleResultOrNull());
    }

    /** Rows whose deadline passed: server and volume ids, oldest first. */
    public Uni<List<Object[]>> overdue(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select server_id, volume_id from server_volume_attachment where deadline < now() "
                                + "order by deadline limit :n", Object[].class)
                .setParameter("n", limit).getResultList());
    }

    /**
     * Removes the row by statement (never by entity, see docs/architecture.md); the loaded entity is detached
     * first, so no change made to it is flushed against the deleted row.
     */
    public Uni<Void> remove(VolumeAttachment row) {
        return Panache.getSession().invoke(s -> s.detach(row))
                .chain(() -> delete("volumeId", row.volumeId)).replaceWithVoid();
    }
}
