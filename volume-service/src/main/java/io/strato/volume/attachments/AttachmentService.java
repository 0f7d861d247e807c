package io.strato.volume.attachments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cinder's attachments API (what compute uses): reserve (create), connect (update with a connector), complete,
 * delete. Each call is one transaction under the volume's row lock ({@link VolumeAttachments}).
 */
@ApplicationScoped
public class AttachmentService {
    /** Statuses a volume may be reserved in without multiattach (Cinder's). */
    static final Set<String> RESERVABLE = Set.of(VolumeStatus.AVAILABLE, "downloading");

    private final VolumeAttachments store;
    private final AttachmentRepository attachments;
    private final Connections connections;

    public AttachmentService(VolumeAttachments store, AttachmentRepository attachments, Connections connections) {
        this.store = store;
        this.attachments = attachments;
        this.connections = connections;
    }

    /** Reserves the volume for the instance; with a connector also connects it (Cinder's create + update). */
    @WithTransaction
    public Uni<Attachment> create(String project, AttachmentRequest.Create request) {
        return store.lock(project, request.volumeId()).chain(l -> {
            Volume v = l.volume();
            if (!RESERVABLE.contains(v.status)) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be available or downloading to"
                        + " reserve, but the current status is " + v.status + ".");
            }
            if (!l.attachments().isEmpty()) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " is already attached and multiattach is"
                        + " not enabled.");
            }
            return store.add(v, request.instance(), request.mode(), AttachStatus.RESERVED).chain(a -> {
                Uni<Void> connected = request.connector() == null ? Uni.createFrom().voidItem()
                        : connect(v, a, request.connector());
                v.status = VolumeStatus.RESERVED;
                return connected.invoke(() -> store.settle(v, List.of(a)))
                        .call(() -> store.attachmentChanged("created", a, null))
                        .call(() -> store.volumeChanged(v, List.of(a)))
                        .replaceWith(a);
            });
        });
    }

    /** Connects the attachment to the connector's host: the connection info to hand the hypervisor. */
    @WithTransaction
    public Uni<Attachment> update(String project, String id, Map<String, Object> connector) {
        return store.locate(project, id).chain(at -> {
            Volume v = at.volume();
            Attachment a = at.attachment();
            return connect(v, a, connector).invoke(() -> store.settle(v, at.all()))
                    .call(() -> store.attachmentChanged("updated", a, null))
                    .call(() -> store.volumeChanged(v, at.all()))
                    .replaceWith(a);
        });
    }

    /** Cinder's os-complete: the hypervisor has the disk; the attachment is attached and the volume in-use. */
    @WithTransaction
    public Uni<Void> complete(String project, String id) {
        return store.locate(project, id).chain(at -> {
            Volume v = at.volume();
            Attachment a = at.attachment();
            if (AttachStatus.ATTACHED.equals(a.status)) {
                return Uni.createFrom().voidItem();
            }
            if (!AttachStatus.ATTACHING.equals(a.status)) {
                throw new InvalidInput("Invalid volume attachment: attachment " + a.id + " is " + a.status
                        + "; update it with a connector before completing it.");
            }
            a.status = AttachStatus.ATTACHED;
            a.attachTime = a.updatedAt = Instant.now();
            store.settle(v, at.all());
            return store.attachmentChanged("updated", a, null).call(() -> store.volumeChanged(v, at.all()));
        });
    }

    /** Deletes (detaches) the attachment; returns the volume's remaining attachments. */
    @WithTransaction
    public Uni<List<Attachment>> delete(String project, String id) {
        return store.locate(project, id).chain(at -> store.remove(at.attachment()).call(remaining -> {
            store.settle(at.volume(), remaining);
            return store.attachmentChanged("deleted", at.attachment(), null)
                    .call(() -> store.volumeChanged(at.volume(), remaining));
        }));
    }

    @WithSession
    public Uni<Attachment> show(String project, String id) {
        UUID uuid = Ids.orNull(id);
        Uni<Attachment> found = uuid == null ? Uni.createFrom().nullItem()
                : attachments.find("id = ?1 and projectId = ?2", uuid, project).firstResult();
        return found.map(a -> {
            if (a == null) {
                throw new NotFound("Volume attachment could not be found with filter: attachment_id = "
                        + id + ".");
            }
            return a;
        });
    }

    /**
     * The project's attachments, newest first, filtered by volume_id, instance_id and status/attach_status (Cinder's
     * filters); a filter that is no UUID matches nothing.
     */
    @WithSession
    public Uni<List<Attachment>> list(String project, String volumeId, String instanceId, String status, int limit) {
        StringBuilder q = new StringBuilder("projectId = :project");
        Map<String, Object> p = new HashMap<>();
        p.put("project", project);
        if (volumeId != null) {
            q.append(" and volumeId = :volume");
            p.put("volume", Ids.orNull(volumeId));
        }
        if (instanceId != null) {
            q.append(" and instanceUuid = :instance");
            p.put("instance", Ids.orNull(instanceId));
        }
        if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        if (p.containsValue(null) || limit == 0) {
            return Uni.createFrom().item(List.of());
        }
        return attachments.find(q + " order by createdAt desc, id desc", p).range(0, limit - 1).list();
    }

    /** Sets the connector and the connection info; a reserved or attaching attachment is attaching after. */
    private Uni<Void> connect(Volume v, Attachment a, Map<String, Object> connector) {
        if (v.providerLocation == null) {
            throw new InvalidInput("Invalid volume: Volume " + v.id + " has no data to connect (status " + v.status + ").");
        }
        return connections.of(v, a.mode, a.id).invoke(info -> {
            a.connector = connector;
            a.connectionInfo = info;
            a.attachedHost = connector.get("host") instanceof String h ? h : null;
            a.mountpoint = connector.get("mountpoint") instanceof String m ? m : null;
            if (!AttachStatus.ATTACHED.equals(a.status)) {
                a.status = AttachStatus.ATTACHING;
            }
            a.updatedAt = Instant.now();
        }).replaceWithVoid();
    }
}
