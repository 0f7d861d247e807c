package io.strato.volume.groups;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotService;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeRequest;
import io.strato.volume.volumes.VolumeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Group snapshots (Cinder 3.14): one snapshot of each volume of a group, taken in one transaction; the group
 * snapshot is creating until they are made ({@link GroupWork}), then available (error when one failed).
 */
@ApplicationScoped
public class GroupSnapshotService {
    /** Cinder's group snapshot statuses (fields.GroupSnapshotStatus), those os-reset_status accepts. */
    static final Set<String> STATUSES = Set.of("error", "available", "creating", "deleting", "deleted", "updating",
            "error_deleting");

    private final GroupSnapshotRepository groupSnapshots;
    private final GroupService groups;
    private final VolumeGroupRepository groupRows;
    private final VolumeRepository volumes;
    private final SnapshotService snapshots;
    private final GroupEvents events;

    public GroupSnapshotService(GroupSnapshotRepository groupSnapshots, GroupService groups, VolumeGroupRepository groupRows,
                                VolumeRepository volumes, SnapshotService snapshots, GroupEvents events) {
        this.groupSnapshots = groupSnapshots;
        this.groups = groups;
        this.groupRows = groupRows;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.events = events;
    }

    /** A group snapshot and the snapshots it takes (their data is made after the commit). */
    public record Taken(GroupSnapshot groupSnapshot, List<Snapshot> snapshots) {
    }

    /** Snapshots every volume of an available group (each must be available, as for a single snapshot). */
    @WithTransaction
    public Uni<Taken> create(Caller caller, boolean admin, GroupRequest.SnapshotFields body) {
        UUID groupId = VolumeRequest.uuid(body.groupId(), "group_id");
        if (groupId == null) {
            throw new InvalidInput("Invalid input for field/attribute group_id: it is required.");
        }
        String name = VolumeRequest.text(body.name(), "name");
        String description = VolumeRequest.text(body.description(), "description");
        return groups.find(caller, admin, groupId.toString(), true).flatMap(g -> {
            if (!VolumeStatus.AVAILABLE.equals(g.status)) {
                throw new InvalidInput("Invalid group: Group " + g.id + " status must be available, but current status is: "
                        + g.status + ".");
            }
            GroupSnapshot gs = new GroupSnapshot();
            gs.id = UUID.randomUUID();
            gs.projectId = g.projectId;
            gs.userId = caller.userId();
            gs.groupId = g.id;
            gs.groupTypeId = g.groupTypeId;
            gs.name = name;
            gs.description = description;
            gs.status = VolumeStatus.CREATING;
            gs.createdAt = gs.updatedAt = Instant.now();
            return groupSnapshots.persist(gs).call(saved -> events.groupSnapshot("created", saved))
                    .chain(() -> volumes.list("groupId = ?1 order by createdAt", g.id))
                    .chain(members -> Multi.createFrom().iterable(members).onItem().transformToUniAndConcatenate(v ->
                            snapshots.create(caller, admin, v.id, name, description, Map.of(), gs.id)).collect().asList())
                    .map(taken -> new Taken(gs, taken));
        });
    }

    @WithSession
    public Uni<List<GroupSnapshot>> list(Caller caller, boolean admin, boolean allTenants) {
        return admin && allTenants ? groupSnapshots.list("order by createdAt desc, id")
                : groupSnapshots.list("projectId = ?1 order by createdAt desc, id", caller.projectId());
    }

    @WithSession
    public Uni<GroupSnapshot> show(Caller caller, boolean admin, String id) {
        return find(caller, admin, id, false);
    }

    /**
     * Deletes an available or error group snapshot no group is being made from: its snapshots go to deleting (their
     * ids are the answer, for the worker) and the group snapshot row goes.
     */
    @WithTransaction
    public Uni<List<UUID>> delete(Caller caller, boolean admin, String id) {
        return find(caller, admin, id, true).flatMap(gs -> {
            if (!Set.of(VolumeStatus.AVAILABLE, VolumeStatus.ERROR).contains(gs.status)) {
                throw new InvalidInput("Invalid group snapshot: Group snapshot status must be available or error, and no"
                        + " Group can be currently using it as source for its creation (" + gs.id + " is " + gs.status + ").");
            }
            return groupRows.count("groupSnapshotId = ?1 and status = ?2", gs.id, VolumeStatus.CREATING).flatMap(n -> {
                if (n > 0) {
                    throw new InvalidInput("Invalid group snapshot: Group snapshot status must be available or error, and"
                            + " no Group can be currently using it as source for its creation.");
                }
                return snapshots.ofGroupSnapshot(gs.id);
            }).flatMap(members -> Multi.createFrom().iterable(members).onItem()
                    .transformToUniAndConcatenate(snapshots::deleteMember).collect().asList())
                    .call(() -> events.groupSnapshot("deleted", gs))
                    .call(() -> groupSnapshots.deleteRow(gs))
                    .map(l -> l.stream().map(s -> s.id).toList());
        });
    }

    /** Cinder's group snapshot os-reset_status (admins). */
    @WithTransaction
    public Uni<Void> resetStatus(Caller caller, String id, String status) {
        if (status == null || !STATUSES.contains(status)) {
            throw new InvalidInput("Invalid input received: Group snapshot status: " + status
                    + " is invalid, valid statuses are: " + STATUSES + ".");
        }
        return find(caller, true, id, true).flatMap(gs -> {
            gs.status = status;
            gs.updatedAt = Instant.now();
            return events.groupSnapshot("updated", gs);
        });
    }

    /** When its snapshots are made: available, or error when one is not available. */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id) {
        return groupSnapshots.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(gs -> {
            if (gs == null || !VolumeStatus.CREATING.equals(gs.status)) {
                return Uni.createFrom().voidItem();
            }
            return snapshots.ofGroupSnapshot(gs.id).flatMap(members -> {
                boolean failed = members.stream().anyMatch(s -> !VolumeStatus.AVAILABLE.equals(s.status));
                gs.status = failed ? VolumeStatus.ERROR : VolumeStatus.AVAILABLE;
                gs.updatedAt = Instant.now();
                return events.groupSnapshot("updated", gs);
            });
        });
    }

    private Uni<GroupSnapshot> find(Caller caller, boolean admin, String id, boolean lock) {
        UUID uuid = Ids.orNull(id);
        Uni<GroupSnapshot> found = uuid == null ? Uni.createFrom().nullItem()
                : lock ? groupSnapshots.findById(uuid, LockModeType.PESSIMISTIC_WRITE) : groupSnapshots.findById(uuid);
        return found.map(gs -> {
            if (gs == null || !admin && !gs.projectId.equals(caller.projectId())) {
                throw new NotFound("GroupSnapshot " + id + " could not be found.");
            }
            return gs;
        });
    }
}
