package io.strato.volume.attachments;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cinder's legacy attach actions on {@code POST /volumes/{id}/action} (before the attachments API), with Cinder's
 * status rules: os-reserve (available → attaching), os-unreserve, os-initialize_connection, os-attach (→ in-use),
 * os-begin_detaching (in-use → detaching), os-roll_detaching, os-terminate_connection, os-detach (→ available).
 * Each is one transaction under the volume's row lock.
 */
@ApplicationScoped
public class LegacyAttachActions {
    /** Statuses in which a connection may be handed out: the volume has data and is not going away. */
    static final Set<String> CONNECTABLE = Set.of(VolumeStatus.AVAILABLE, VolumeStatus.RESERVED, VolumeStatus.ATTACHING,
            VolumeStatus.IN_USE, VolumeStatus.DETACHING);
    /** Statuses os-attach accepts (a volume attached already is refused: no multiattach). */
    static final Set<String> ATTACHABLE = Set.of(VolumeStatus.AVAILABLE, VolumeStatus.RESERVED, VolumeStatus.ATTACHING);

    private final VolumeAttachments store;
    private final Connections connections;

    public LegacyAttachActions(VolumeAttachments store, Connections connections) {
        this.store = store;
        this.connections = connections;
    }

    /** os-reserve: an available volume goes to attaching (Cinder's reserve_volume). */
    @WithTransaction
    public Uni<Void> reserve(String project, String id) {
        return move(project, id, l -> {
            if (!VolumeStatus.AVAILABLE.equals(l.volume().status)) {
                throw new InvalidInput("Invalid volume: Volume status must be available to reserve, but the status is "
                        + l.volume().status + ".");
            }
            return VolumeStatus.ATTACHING;
        });
    }

    /** os-unreserve: an attaching volume goes back to in-use (it has attached attachments) or available; else nothing. */
    @WithTransaction
    public Uni<Void> unreserve(String project, String id) {
        return move(project, id, l -> !VolumeStatus.ATTACHING.equals(l.volume().status) ? null
                : l.attachments().stream().anyMatch(a -> AttachStatus.ATTACHED.equals(a.status))
                ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE);
    }

    /** os-begin_detaching: only an in-use, attached volume goes to detaching. */
    @WithTransaction
    public Uni<Void> beginDetaching(String project, String id) {
        return move(project, id, l -> {
            if (!VolumeStatus.IN_USE.equals(l.volume().status) || !AttachStatus.ATTACHED.equals(l.volume().attachStatus)) {
                throw new InvalidInput("Invalid volume: Unable to detach volume. Volume status must be 'in-use' and"
                        + " attach_status must be 'attached' to detach.");
            }
            return VolumeStatus.DETACHING;
        });
    }

    /** os-roll_detaching: a detaching volume is in-use again; any other status is left alone. */
    @WithTransaction
    public Uni<Void> rollDetaching(String project, String id) {
        return move(project, id, l -> VolumeStatus.DETACHING.equals(l.volume().status) ? VolumeStatus.IN_USE : null);
    }

    /** Moves the locked volume to the status {@code next} gives (null: no change), with its event. */
    private Uni<Void> move(String project, String id, Function<VolumeAttachments.Locked, String> next) {
        return store.lock(project, id).chain(l -> {
            String to = next.apply(l);
            if (to == null) {
                return Uni.createFrom().voidItem();
            }
            l.volume().status = to;
            l.volume().updatedAt = Instant.now();
            return store.volumeChanged(l.volume(), l.attachments());
        });
    }

    /** os-initialize_connection: the connection info for the connector (no status change, as Cinder). */
    @WithTransaction
    public Uni<Map<String, Object>> initializeConnection(String project, String id, Map<String, Object> connector) {
        return store.lock(project, id).chain(l -> {
            Volume v = l.volume();
            if (!CONNECTABLE.contains(v.status) || v.providerLocation == null) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be available, reserved,"
                        + " attaching, in-use or detaching to initialize a connection, but the current status is "
                        + v.status + ".");
            }
            String mode = l.attachments().stream().map(a -> a.mode).findFirst().orElse("rw");
            return connections.of(v, mode, null);
        });
    }

    /** os-terminate_connection: the hypervisor let go of the connection; nothing to undo for file volumes. */
    @WithTransaction
    public Uni<Void> terminateConnection(String project, String id) {
        return store.lock(project, id).replaceWithVoid();
    }

    /**
     * os-attach: the volume is attached to the instance (or host) at the mountpoint and in-use; a pending
     * (reserved/attaching) attachment of the volume is the one completed.
     */
    @WithTransaction
    public Uni<Void> attach(String project, String id, UUID instance, String host, String mountpoint, String mode) {
        if (instance == null && host == null) {
            throw new InvalidInput("Invalid request to attach volume to an invalid target: give instance_uuid or host_name.");
        }
        return store.lock(project, id).chain(l -> {
            Volume v = l.volume();
            boolean attached = l.attachments().stream().anyMatch(a -> AttachStatus.ATTACHED.equals(a.status));
            if (attached || VolumeStatus.IN_USE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: volume is already attached and multiple attachments are not enabled.");
            }
            if (!ATTACHABLE.contains(v.status)) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be available, reserved or attaching"
                        + " to attach, but the current status is " + v.status + ".");
            }
            Attachment pending = l.attachments().stream().findFirst().orElse(null);
            Uni<Attachment> attachment = pending != null ? Uni.createFrom().item(pending)
                    : store.add(v, instance, mode, AttachStatus.ATTACHING);
            return attachment.chain(a -> {
                boolean created = a != pending;
                a.instanceUuid = instance != null ? instance : a.instanceUuid;
                a.attachedHost = host != null ? host : a.attachedHost;
                a.mountpoint = mountpoint;
                a.mode = mode;
                a.status = AttachStatus.ATTACHED;
                a.attachTime = a.updatedAt = Instant.now();
                List<Attachment> now = created ? List.of(a) : l.attachments();
                v.status = VolumeStatus.IN_USE;
                store.settle(v, now);
                return store.attachmentChanged(created ? "created" : "updated", a, null)
                        .call(() -> store.volumeChanged(v, now));
            });
        });
    }

    /**
     * os-detach: the attachment named (or the volume's only one) goes; the volume is available when none remain.
     * A volume without attachments is simply made available, as Cinder does.
     */
    @WithTransaction
    public Uni<Void> detach(String project, String id, UUID attachmentId) {
        return store.lock(project, id).chain(l -> {
            Volume v = l.volume();
            Attachment a = pick(v, l.attachments(), attachmentId);
            if (a == null) {
                store.settle(v, List.of());
                return store.volumeChanged(v, List.of());
            }
            return store.remove(a).chain(remaining -> {
                store.settle(v, remaining);
                return store.attachmentChanged("deleted", a, null).call(() -> store.volumeChanged(v, remaining));
            });
        });
    }

    /**
     * An admin's os-force_detach: the attachment named (or the volume's only one) goes whatever the volume's status,
     * which then is what Cinder's volume_detached makes it: available when no attachment remains (uploading stays),
     * else as the remaining ones hold it. The volume may be of any project.
     */
    @WithTransaction
    public Uni<Void> forceDetach(String volumeId, UUID attachmentId) {
        UUID id = Ids.orNull(volumeId);
        NotFound missing = new NotFound("Volume " + volumeId + " could not be found.");
        return (id == null ? Uni.createFrom().<VolumeAttachments.Locked>nullItem() : store.lock(id)).chain(l -> {
            if (l == null) {
                throw missing;
            }
            Volume v = l.volume();
            Attachment a = pick(v, l.attachments(), attachmentId);
            Uni<List<Attachment>> remaining = a == null ? Uni.createFrom().item(List.of()) : store.remove(a);
            return remaining.chain(left -> {
                if (left.isEmpty() && !VolumeStatus.UPLOADING.equals(v.status)) {
                    v.status = VolumeStatus.AVAILABLE;
                } else if (!left.isEmpty()) {
                    v.status = VolumeStatus.IN_USE;
                }
                store.settle(v, left);
                Uni<Void> gone = a == null ? Uni.createFrom().voidItem() : store.attachmentChanged("deleted", a, null);
                return gone.call(() -> store.volumeChanged(v, left));
            });
        });
    }

    /** The attachment named, or the volume's only one (null when it has none); more than one and none named: 400. */
    private static Attachment pick(Volume v, List<Attachment> attachments, UUID attachmentId) {
        if (attachmentId != null) {
            return attachments.stream().filter(x -> x.id.equals(attachmentId)).findFirst().orElseThrow(() -> new NotFound(
                    "Volume attachment could not be found with filter: attachment_id = " + attachmentId
                            + ", volume_id = " + v.id + "."));
        }
        if (attachments.size() > 1) {
            throw new InvalidInput("Invalid volume: Detach volume failed: More than one attachment, but no"
                    + " attachment_id provided.");
        }
        return attachments.isEmpty() ? null : attachments.get(0);
    }
}
