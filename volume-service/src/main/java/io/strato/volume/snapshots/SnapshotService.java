package io.strato.volume.snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.volume.messages.UserMessages;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import io.strato.volume.metadata.Metadata;
import io.strato.volume.metadata.MetadataStore;
import io.strato.volume.quotas.VolumeQuota;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeRequest;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Snapshot records and their status machine. A snapshot operation locks its volume's row, and only one
 * runs per volume at a time, because each rewrites the volume's backing chain. The backend work runs in
 * {@link SnapshotWorker} after the request's transaction commits.
 */
@ApplicationScoped
public class SnapshotService implements MetadataStore {
    /** Cinder's snapshot statuses (fields.SnapshotStatus.ALL), those os-reset_status accepts. */
    static final List<String> SNAPSHOT_STATUSES = List.of("error", "available", "creating", "deleting", "deleted",
            "updating", "error_deleting", "unmanaging", "backing-up", "restoring");
    private static final String CREATING_FROM = "select count(*) from volume where snapshot_id = ?1 and status = 'creating'";

    private final SnapshotRepository snapshots;
    private final VolumeRepository volumes;
    private final VolumeQuota quota;
    private final SnapshotEvents events;
    private final VolumeTypeRepository types;
    private final UserMessages messages;

    public SnapshotService(SnapshotRepository snapshots, VolumeRepository volumes, VolumeQuota quota, SnapshotEvents events,
                           VolumeTypeRepository types, UserMessages messages) {
        this.types = types;
        this.messages = messages;
        this.snapshots = snapshots;
        this.volumes = volumes;
        this.quota = quota;
        this.events = events;
    }

    /** What the worker needs to delete a snapshot: the file to fold it into (its child in the chain). */
    public record Deletion(Snapshot snapshot, String childLocation) {
    }

    @WithSession
    public Uni<Snapshot> visible(Caller caller, boolean admin, String id) {
        return find(caller, admin, id, false);
    }

    /**
     * The caller's project's snapshots (all projects' for an admin asking all_tenants), in the list's order (newest
     * first unless sorted otherwise), after the {@code marker} snapshot (unknown: 404, Cinder's SnapshotNotFound) and
     * {@code offset} more, filtered by name, status and volume.
     */
    @WithSession
    public Uni<List<Snapshot>> list(Caller caller, boolean admin, SnapshotListing listing) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!(admin && listing.allTenants())) {
            q.append(" and projectId = :project");
            p.put("project", caller.projectId());
        }
        Map<String, String> filters = listing.filters();
        if (filters.get("name") != null) {
            q.append(" and name = :name");
            p.put("name", filters.get("name"));
        }
        if (filters.get("status") != null) {
            q.append(" and status = :status");
            p.put("status", filters.get("status"));
        }
        if (filters.get("volume_id") != null) {
            UUID v = Ids.orNull(filters.get("volume_id"));
            if (v == null) {
                return Uni.createFrom().item(List.of());
            }
            q.append(" and volumeId = :volume");
            p.put("volume", v);
        }
        Uni<Void> ready = listing.marker() == null ? Uni.createFrom().voidItem()
                : visible(caller, admin, listing.marker()).invoke(m -> listing.after(m, q, p)).replaceWithVoid();
        int limit = listing.limit();
        int offset = listing.offset();
        return ready.chain(() -> limit == 0 ? Uni.createFrom().item(List.<Snapshot>of())
                : snapshots.find(q + listing.order().orderBy(), p).range(offset, offset + limit - 1).list());
    }

    @WithTransaction
    public Uni<Snapshot> create(Caller caller, boolean admin, SnapshotRequest.CreateFields body) {
        if (body.volumeId() != null && body.volumeId().isNull()) {
            // Cinder's schema allows a null volume_id, which its lookup then does not find.
            throw new NotFound("Volume None could not be found.");
        }
        UUID volumeId = given(body.volumeId()) ? Ids.orNull(body.volumeId().asText()) : null;
        if (volumeId == null) {
            throw new InvalidInput("Invalid input received: volume_id is required and must be a UUID.");
        }
        String name = VolumeRequest.text(given(body.name()) ? body.name() : body.displayName(), "name");
        String description = VolumeRequest.text(given(body.description()) ? body.description()
                : body.displayDescription(), "description");
        Map<String, String> metadata = Metadata.of(body.metadata());
        boolean force = body.force() != null && !body.force().isNull() && Booleans.require(body.force(), "force");
        return create(caller, admin, volumeId, name, description, metadata, null, force);
    }

    /**
     * A snapshot of {@code volumeId} (an available volume the caller may see), for {@code groupSnapshotId}'s group
     * snapshot when not null; in the caller's transaction.
     */
    public Uni<Snapshot> create(Caller caller, boolean admin, UUID volumeId, String name, String description,
                                Map<String, String> metadata, UUID groupSnapshotId) {
        return create(caller, admin, volumeId, name, description, metadata, groupSnapshotId, false);
    }

    /**
     * As above; {@code force} is Cinder's flag for an in-use volume (below 3.66 a snapshot of one needs it: 400
     * otherwise, with Cinder's message). An in-use volume is then still refused (400): its file is open in a running
     * guest, and taking the snapshot needs the hypervisor to move the guest onto a new layer (Nova's
     * os-assisted-volume-snapshots), which compute-service does not offer; moving the file under the guest would lose its
     * writes (docs/volume-api.md).
     */
    private Uni<Snapshot> create(Caller caller, boolean admin, UUID volumeId, String name, String description,
                                 Map<String, String> metadata, UUID groupSnapshotId, boolean force) {
        return volumes.findById(volumeId, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !admin && !v.projectId.equals(caller.projectId())) {
                throw new NotFound("Volume " + volumeId + " could not be found.");
            }
            if (force && VolumeStatus.IN_USE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " is in-use: a snapshot of an attached volume"
                        + " needs the hypervisor's help (an assisted snapshot), which this cloud does not offer yet; detach"
                        + " the volume first.");
            }
            if (!VolumeStatus.AVAILABLE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be "
                        + (force ? "available, in-use" : "available") + ", but current status is: " + v.status + ".");
            }
            return volumes.count("sourceVolid = ?1 and status = ?2", v.id, VolumeStatus.CREATING).flatMap(cloning -> {
                if (cloning > 0) {
                    throw new InvalidInput("Invalid volume: volume " + v.id + " is being cloned; retry when the clone is available.");
                }
                return snapshots.busyOf(v.id);
            }).flatMap(busy -> {
                if (busy > 0) {
                    throw new InvalidInput("Invalid volume: another snapshot of volume " + v.id + " is being created or deleted.");
                }
                Snapshot s = new Snapshot();
                s.id = UUID.randomUUID();
                s.projectId = v.projectId;
                s.userId = caller.userId();
                s.volumeId = v.id;
                s.name = name;
                s.description = description;
                s.metadata = metadata;
                s.size = v.size;
                s.status = VolumeStatus.CREATING;
                s.progress = "0%";
                s.backend = v.backend;
                s.groupSnapshotId = groupSnapshotId;
                s.createdAt = s.updatedAt = Instant.now();
                return types.findById(v.volumeTypeId).chain(t -> quota.checkSnapshot(s.projectId, s.size,
                                new VolumeQuota.Type(v.volumeTypeId, t == null ? "" : t.name)))
                        .chain(() -> snapshots.persist(s))
                        .call(saved -> events.snapshot("created", saved));
            });
        });
    }

    /** The volume's file location, for the worker to freeze. */
    @WithSession
    public Uni<String> volumeLocation(UUID volumeId) {
        return volumes.findById(volumeId).map(v -> v == null ? null : v.providerLocation);
    }

    @WithTransaction
    public Uni<Void> finishCreate(UUID id, String location, String reason) {
        return snapshots.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(s -> {
            if (s == null) {
                return Uni.createFrom().voidItem();
            }
            if (!VolumeStatus.CREATING.equals(s.status)) {
                // an admin forced a delete (or set the status) meanwhile: keep the file so the delete folds it
                if (location != null && s.providerLocation == null) {
                    s.providerLocation = location;
                }
                return Uni.createFrom().voidItem();
            }
            s.status = reason == null ? VolumeStatus.AVAILABLE : VolumeStatus.ERROR;
            s.progress = reason == null ? "100%" : s.progress;
            s.statusReason = reason;
            s.providerLocation = location;
            s.updatedAt = Instant.now();
            Uni<Void> told = reason == null ? Uni.createFrom().voidItem()
                    : messages.error(s.projectId, s.id, UserMessages.Event.SNAPSHOT_CREATE_ERROR);
            return told.chain(() -> events.snapshot("updated", s));
        });
    }

    @WithTransaction
    public Uni<Snapshot> update(Caller caller, boolean admin, String id, SnapshotRequest.UpdateFields body) {
        return find(caller, admin, id, true).flatMap(s -> {
            // a field given as null is a NullNode (it clears), an absent one is null (left alone)
            if (body.name() != null || body.displayName() != null) {
                s.name = VolumeRequest.text(body.name() != null ? body.name() : body.displayName(), "name");
            }
            if (body.description() != null || body.displayDescription() != null) {
                s.description = VolumeRequest.text(body.description() != null ? body.description()
                        : body.displayDescription(), "description");
            }
            s.updatedAt = Instant.now();
            return events.snapshot("updated", s).replaceWith(s);
        });
    }

    private static boolean given(JsonNode n) {
        return n != null && !n.isNull();
    }

    @Override
    public String collection() {
        return "snapshots";
    }

    @Override
    public String kind() {
        return "Snapshot";
    }

    @Override
    @WithSession
    public Uni<Map<String, String>> metadata(Caller caller, boolean admin, String id) {
        return visible(caller, admin, id).map(s -> s.metadata);
    }

    @Override
    @WithTransaction
    public Uni<Map<String, String>> changeMetadata(Caller caller, boolean admin, String id,
                                                   UnaryOperator<Map<String, String>> change) {
        return find(caller, admin, id, true).flatMap(s -> {
            s.metadata = change.apply(s.metadata);
            s.updatedAt = Instant.now();
            return events.snapshot("updated", s).replaceWith(s.metadata);
        });
    }

    /** Accepts a delete: not while a volume is being created from the snapshot, nor during another chain change. */
    @WithTransaction
    public Uni<Snapshot> delete(Caller caller, boolean admin, String id) {
        return find(caller, admin, id, true).flatMap(s -> {
            if (!VolumeStatus.DELETABLE.contains(s.status)) {
                throw new InvalidInput("Invalid snapshot: Snapshot status must be available or error (snapshot "
                        + s.id + " is " + s.status + ").");
            }
            return markDeleting(s);
        });
    }

    /**
     * Cinder's os-force_delete (admins): a delete whatever the snapshot's status. What really runs still holds it
     * back: a volume being created from it, or another snapshot of its volume being made or deleted.
     */
    @WithTransaction
    public Uni<Snapshot> forceDelete(Caller caller, String id) {
        return find(caller, true, id, true).flatMap(this::markDeleting);
    }

    /**
     * The snapshots taken for a group snapshot, their rows locked; in the caller's transaction.
     */
    public Uni<List<Snapshot>> ofGroupSnapshot(UUID groupSnapshotId) {
        return snapshots.find("groupSnapshotId", groupSnapshotId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Moves a snapshot of a group snapshot being deleted to deleting (its status already checked by the group
     * snapshot's rules); in the caller's transaction. The worker deletes it after the commit.
     */
    public Uni<Snapshot> deleteMember(Snapshot s) {
        return markDeleting(s);
    }

    private Uni<Snapshot> markDeleting(Snapshot s) {
        return volumes.findById(s.volumeId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> snapshots.count("volumeId = ?1 and id <> ?2 and status in ('creating', 'deleting')",
                        s.volumeId, s.id))
                .chain(busy -> {
                    if (busy > 0) {
                        throw new InvalidInput("Invalid snapshot: another snapshot of volume " + s.volumeId
                                + " is being created or deleted.");
                    }
                    return snapshots.getSession().chain(session -> session.createNativeQuery(CREATING_FROM)
                            .setParameter(1, s.id).getSingleResult());
                })
                .chain(n -> {
                    if (((Number) n).longValue() > 0) {
                        throw new InvalidInput("Invalid snapshot: a volume is being created from snapshot " + s.id + ".");
                    }
                    s.status = VolumeStatus.DELETING;
                    s.statusReason = null;
                    s.updatedAt = Instant.now();
                    return events.snapshot("updated", s).replaceWith(s);
                });
    }

    /** Cinder's snapshot os-reset_status (admins): any of Cinder's snapshot statuses, nothing else changes. */
    @WithTransaction
    public Uni<Void> resetStatus(Caller caller, String id, String status) {
        String to = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (to == null || !SNAPSHOT_STATUSES.contains(to)) {
            throw new InvalidInput("Invalid input received: Snapshot status: " + status + " is invalid, valid statuses are: "
                    + SNAPSHOT_STATUSES + ".");
        }
        return find(caller, true, id, true).flatMap(s -> {
            s.status = to;
            s.statusReason = null;
            s.updatedAt = Instant.now();
            return events.snapshot("updated", s);
        });
    }

    /**
     * Cinder's os-update_snapshot_status, for whoever creates a snapshot outside the volume service (Nova's assisted
     * snapshots): a creating snapshot may become creating, available or error, a deleting one deleting or
     * error_deleting; {@code progress} ("80%") is kept when given.
     */
    @WithTransaction
    public Uni<Void> updateStatus(Caller caller, boolean admin, String id, String status, String progress) {
        if (status == null) {
            throw new InvalidInput("Invalid input for field/attribute os-update_snapshot_status: status is required.");
        }
        if (progress != null && !progress.isEmpty() && !progress.matches("(100|[1-9]?[0-9])%")) {
            throw new InvalidInput("Invalid input received: progress must be an integer percentage between 0 and 100.");
        }
        return find(caller, admin, id, true).flatMap(s -> {
            Set<String> allowed = switch (s.status) {
                case VolumeStatus.CREATING -> Set.of(VolumeStatus.CREATING, VolumeStatus.AVAILABLE, VolumeStatus.ERROR);
                case VolumeStatus.DELETING -> Set.of(VolumeStatus.DELETING, VolumeStatus.ERROR_DELETING);
                default -> throw new InvalidInput("Snapshot status " + s.status + " not allowed for update_snapshot_status");
            };
            if (!allowed.contains(status)) {
                throw new InvalidInput("Provided snapshot status " + status + " not allowed for snapshot with status "
                        + s.status + ".");
            }
            s.status = status;
            if (progress != null && !progress.isEmpty()) {
                s.progress = progress;
            }
            s.updatedAt = Instant.now();
            return events.snapshot("updated", s);
        });
    }

    /** The snapshot if still to be deleted, with its child in the chain (the next newer snapshot, else the volume). */
    @WithTransaction
    public Uni<Deletion> deletion(UUID id) {
        return snapshots.findById(id).flatMap(s -> {
            if (s == null || !VolumeStatus.DELETING.equals(s.status)) {
                return Uni.createFrom().nullItem();
            }
            return snapshots.find("volumeId = ?1 and createdAt > ?2 and providerLocation is not null order by createdAt",
                            s.volumeId, s.createdAt).firstResult()
                    .chain(newer -> newer != null ? Uni.createFrom().item(newer.providerLocation)
                            : volumes.findById(s.volumeId).map(v -> v == null ? null : v.providerLocation))
                    .map(child -> new Deletion(s, child));
        });
    }

    @WithTransaction
    public Uni<Void> finishDelete(UUID id, String reason) {
        return snapshots.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(s -> {
            if (s == null || !VolumeStatus.DELETING.equals(s.status)) {
                return Uni.createFrom().voidItem();
            }
            if (reason != null) {
                s.status = VolumeStatus.ERROR_DELETING;
                s.statusReason = reason;
                s.updatedAt = Instant.now();
                return events.snapshot("updated", s);
            }
            return events.snapshot("deleted", s).call(() -> snapshots.deleteRow(s)).replaceWithVoid();
        });
    }

    /** Snapshots left creating or deleting by a stop, last changed before {@code startedAt}. */
    @WithTransaction
    public Uni<List<Snapshot>> interrupted(Instant startedAt) {
        return snapshots.list("status in ?1 and updatedAt < ?2", List.of(VolumeStatus.CREATING, VolumeStatus.DELETING), startedAt);
    }

    private Uni<Snapshot> find(Caller caller, boolean admin, String id, boolean lock) {
        UUID uuid = Ids.orNull(id);
        Uni<Snapshot> found = uuid == null ? Uni.createFrom().nullItem()
                : lock ? snapshots.findById(uuid, LockModeType.PESSIMISTIC_WRITE) : snapshots.findById(uuid);
        return found.map(s -> {
            if (s == null || !admin && !s.projectId.equals(caller.projectId())) {
                throw new NotFound("Snapshot " + id + " could not be found.");
            }
            return s;
        });
    }
}
