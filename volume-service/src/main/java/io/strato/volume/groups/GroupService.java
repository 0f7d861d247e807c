package io.strato.volume.groups;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.snapshots.SnapshotService;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.types.VolumeTypeService;
import io.strato.volume.volumes.GroupLookup;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeCommands;
import io.strato.volume.volumes.VolumeEvents;
import io.strato.volume.volumes.VolumeRepository;
import io.strato.volume.volumes.VolumeRequest;
import io.strato.volume.volumes.VolumeStatus;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Generic volume groups (Cinder 3.13): their records and status machine, and the membership of volumes. A group has
 * no backend data of its own (Strato's drivers keep each volume apart), so a group is available once made; one made
 * from a source is creating until its volumes are made ({@link GroupWork}).
 */
@ApplicationScoped
public class GroupService implements GroupLookup {
    /** Cinder's group statuses (fields.GroupStatus), those os-reset_status accepts. */
    static final Set<String> STATUSES = Set.of("error", "available", "creating", "deleting", "deleted", "updating",
            "in-use", "error_deleting");
    /** Volume statuses in which a volume may join or leave a group (Cinder's VALID_ADD/REMOVE_VOL_TO_GROUP_STATUS). */
    private static final Set<String> ADDABLE = Set.of(VolumeStatus.AVAILABLE, VolumeStatus.IN_USE);
    private static final Set<String> REMOVABLE = Set.of(VolumeStatus.AVAILABLE, VolumeStatus.IN_USE, VolumeStatus.ERROR,
            VolumeStatus.ERROR_DELETING);

    private final VolumeGroupRepository groups;
    private final GroupSnapshotRepository groupSnapshots;
    private final GroupTypeService groupTypes;
    private final VolumeTypeService volumeTypes;
    private final VolumeTypeRepository volumeTypeRows;
    private final VolumeRepository volumes;
    private final VolumeCommands volumeCommands;
    private final VolumeEvents volumeEvents;
    private final GroupEvents events;
    private final VolumeApiConfig config;
    private final SnapshotService snapshots;

    public GroupService(VolumeGroupRepository groups, GroupSnapshotRepository groupSnapshots, GroupTypeService groupTypes,
                        VolumeTypeService volumeTypes, VolumeTypeRepository volumeTypeRows, VolumeRepository volumes,
                        VolumeCommands volumeCommands, VolumeEvents volumeEvents, GroupEvents events, VolumeApiConfig config,
                        SnapshotService snapshots) {
        this.snapshots = snapshots;
        this.groups = groups;
        this.groupSnapshots = groupSnapshots;
        this.groupTypes = groupTypes;
        this.volumeTypes = volumeTypes;
        this.volumeTypeRows = volumeTypeRows;
        this.volumes = volumes;
        this.volumeCommands = volumeCommands;
        this.volumeEvents = volumeEvents;
        this.events = events;
        this.config = config;
    }

    /** A group made from a source, with the volumes it is to hold (their data is made after the commit). */
    public record Sourced(VolumeGroup group, List<Volume> volumes) {
    }

    @WithTransaction
    public Uni<VolumeGroup> create(Caller caller, boolean admin, GroupRequest.Fields body) {
        String typeRef = GroupRequest.required(body.groupType(), "group_type");
        if (body.volumeTypes() == null || !body.volumeTypes().isArray() || body.volumeTypes().isEmpty()) {
            throw new InvalidInput("Invalid input for field/attribute volume_types: at least one volume type is required.");
        }
        List<String> typeRefs = new ArrayList<>();
        body.volumeTypes().forEach(n -> typeRefs.add(GroupRequest.required(n, "volume_types")));
        String zone = VolumeRequest.text(body.availabilityZone(), "availability_zone");
        if (zone != null && !zone.equals(config.availabilityZone())) {
            throw new InvalidInput("Invalid input received: Availability zone '" + zone + "' is invalid.");
        }
        if (caller.projectId() == null) {
            throw new InvalidInput("A group is created in a project: use a project-scoped token.");
        }
        VolumeGroup g = new VolumeGroup();
        g.id = UUID.randomUUID();
        g.projectId = caller.projectId();
        g.userId = caller.userId();
        g.name = VolumeRequest.text(body.name(), "name");
        g.description = VolumeRequest.text(body.description(), "description");
        g.availabilityZone = config.availabilityZone();
        g.status = VolumeStatus.AVAILABLE;
        g.createdAt = g.updatedAt = Instant.now();
        return groupTypes.get(typeRef, admin).flatMap(type -> {
            g.groupTypeId = type.id;
            return Multi.createFrom().iterable(typeRefs)
                    .onItem().transformToUniAndConcatenate(ref -> volumeTypes.get(ref, admin, caller.projectId()))
                    .collect().asList();
        }).flatMap(found -> {
            g.volumeTypeIds = new ArrayList<>(found.stream().map(t -> t.id).distinct().toList());
            return groups.persist(g);
        }).call(saved -> events.group("created", saved));
    }

    /** The caller's project's groups (every project's for an admin asking all_tenants), newest first. */
    @WithSession
    public Uni<List<VolumeGroup>> list(Caller caller, boolean admin, boolean allTenants) {
        return admin && allTenants ? groups.list("order by createdAt desc, id")
                : groups.list("projectId = ?1 order by createdAt desc, id", caller.projectId());
    }

    @WithSession
    public Uni<VolumeGroup> show(Caller caller, boolean admin, String id) {
        return find(caller, admin, id, false);
    }

    /** The ids of the group's volumes. */
    @WithSession
    public Uni<List<UUID>> members(UUID groupId) {
        return volumes.list("groupId = ?1 order by createdAt", groupId).map(l -> l.stream().map(v -> v.id).toList());
    }

    /**
     * Cinder's group update: name, description, and volumes added or removed (ids separated by commas), under the
     * group's row lock; each volume changed sends its updated event.
     */
    @WithTransaction
    public Uni<VolumeGroup> update(Caller caller, boolean admin, String id, GroupRequest.Fields body) {
        List<UUID> add = GroupRequest.volumeIds(body.addVolumes(), "add_volumes");
        List<UUID> remove = GroupRequest.volumeIds(body.removeVolumes(), "remove_volumes");
        if (body.name() == null && body.description() == null && add.isEmpty() && remove.isEmpty()) {
            throw new InvalidInput("Name, description, add_volumes, and remove_volumes can not be all empty in the request body.");
        }
        for (UUID v : add) {
            if (remove.contains(v)) {
                throw new InvalidInput("Invalid volume: Volume " + v + " cannot be both added to and removed from a group.");
            }
        }
        return find(caller, admin, id, true).flatMap(g -> {
            if (!add.isEmpty() || !remove.isEmpty()) {
                if (!VolumeStatus.AVAILABLE.equals(g.status)) {
                    throw new InvalidInput("Invalid group: Group " + g.id + " status must be available, but current status is: "
                            + g.status + ".");
                }
            }
            if (body.name() != null) {
                g.name = VolumeRequest.text(body.name(), "name");
            }
            if (body.description() != null) {
                g.description = VolumeRequest.text(body.description(), "description");
            }
            g.updatedAt = Instant.now();
            return Multi.createFrom().iterable(add).onItem().transformToUniAndConcatenate(v -> join(g, v)).collect().asList()
                    .chain(() -> Multi.createFrom().iterable(remove).onItem().transformToUniAndConcatenate(v -> leave(g, v))
                            .collect().asList())
                    .chain(() -> events.group("updated", g)).replaceWith(g);
        });
    }

    private Uni<Void> join(VolumeGroup g, UUID volumeId) {
        return volumes.findById(volumeId, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !v.projectId.equals(g.projectId)) {
                throw new InvalidInput("Invalid volume: Cannot add volume " + volumeId + " to group " + g.id
                        + " because volume cannot be found.");
            }
            if (g.id.equals(v.groupId)) {
                return Uni.createFrom().voidItem();
            }
            if (v.groupId != null) {
                throw new InvalidInput("Invalid volume: Cannot add volume " + v.id + " to group " + g.id
                        + " because it is already in group " + v.groupId + ".");
            }
            if (!ADDABLE.contains(v.status)) {
                throw new InvalidInput("Invalid volume: Cannot add volume " + v.id + " to group " + g.id
                        + " because volume is in an invalid state: " + v.status + ". Valid states are: " + ADDABLE + ".");
            }
            if (!g.volumeTypeIds.contains(v.volumeTypeId)) {
                throw new InvalidInput("Invalid volume: Cannot add volume " + v.id + " to group " + g.id
                        + " because volume type " + v.volumeTypeId + " is not supported by the group.");
            }
            return changeGroup(v, g.id);
        });
    }

    private Uni<Void> leave(VolumeGroup g, UUID volumeId) {
        return volumes.findById(volumeId, LockModeType.PESSIMISTIC_WRITE).flatMap(v -> {
            if (v == null || !g.id.equals(v.groupId)) {
                throw new InvalidInput("Invalid volume: Cannot remove volume " + volumeId + " from group " + g.id
                        + " because it is not in the group.");
            }
            if (!REMOVABLE.contains(v.status)) {
                throw new InvalidInput("Invalid volume: Cannot remove volume " + v.id + " from group " + g.id
                        + " because volume is in an invalid state: " + v.status + ". Valid states are: " + REMOVABLE + ".");
            }
            return changeGroup(v, null);
        });
    }

    private Uni<Void> changeGroup(Volume v, UUID groupId) {
        v.groupId = groupId;
        v.updatedAt = Instant.now();
        return volumeTypeRows.findById(v.volumeTypeId)
                .chain(t -> volumeEvents.volume("updated", v, t == null ? null : t.name));
    }

    /**
     * Cinder's group delete: only available or error groups without group snapshots; with volumes only when
     * {@code deleteVolumes}, and then none attached or with snapshots: they go to deleting (the worker deletes
     * them after the commit; their ids are the answer) and the group row goes.
     */
    @WithTransaction
    public Uni<List<UUID>> delete(Caller caller, boolean admin, String id, boolean deleteVolumes) {
        return find(caller, admin, id, true).flatMap(g -> {
            if (!Set.of(VolumeStatus.AVAILABLE, VolumeStatus.ERROR, VolumeStatus.ERROR_DELETING).contains(g.status)) {
                throw new InvalidInput("Invalid group: Group status must be available or error, but current status is: "
                        + g.status + ".");
            }
            return groupSnapshots.count("groupId", g.id).flatMap(n -> {
                if (n > 0) {
                    throw new InvalidInput("Invalid group: Group " + g.id + " has existing snapshots.");
                }
                return volumes.list("groupId = ?1", g.id);
            }).flatMap(members -> {
                if (!members.isEmpty() && !deleteVolumes) {
                    throw new InvalidInput("Invalid group: Group " + g.id + " still contains volumes. The delete-volumes"
                            + " flag is required to delete it.");
                }
                return Multi.createFrom().iterable(members).onItem().transformToUniAndConcatenate(v ->
                                volumes.findById(v.id, LockModeType.PESSIMISTIC_WRITE).flatMap(this::deletable))
                        .collect().asList()
                        .call(() -> events.group("deleted", g))
                        .call(() -> groups.deleteRow(g))
                        .map(l -> l.stream().map(v -> v.id).toList());
            });
        });
    }

    private Uni<Volume> deletable(Volume v) {
        if (!"detached".equals(v.attachStatus) || VolumeStatus.ATTACHMENT_HELD.contains(v.status)) {
            throw new InvalidInput("Invalid volume: Volume " + v.id + " in group is attached. Need to detach first.");
        }
        if (!VolumeStatus.DELETABLE.contains(v.status) && !VolumeStatus.DELETING.equals(v.status)) {
            throw new InvalidInput("Invalid volume: Volume " + v.id + " in group is " + v.status
                    + "; its status must be available or error to delete the group.");
        }
        return volumeCommands.checkNoSnapshots(v).chain(() -> volumeCommands.markDeleting(v));
    }

    /** Cinder's group os-reset_status (admins): any of Cinder's group statuses. */
    @WithTransaction
    public Uni<Void> resetStatus(Caller caller, String id, String status) {
        if (status == null || !STATUSES.contains(status)) {
            throw new InvalidInput("Invalid input received: Group status: " + status + " is invalid, valid statuses are: "
                    + STATUSES + ".");
        }
        return find(caller, true, id, true).flatMap(g -> {
            g.status = status;
            g.updatedAt = Instant.now();
            return events.group("updated", g);
        });
    }

    /**
     * Cinder's create-from-src: a group of the source's types holding a copy of each volume of the source group,
     * or a volume made from each snapshot of the group snapshot; creating until they are made.
     */
    @WithTransaction
    public Uni<Sourced> createFromSource(Caller caller, boolean admin, GroupRequest.SourceFields body) {
        UUID snapshotId = VolumeRequest.uuid(body.groupSnapshotId(), "group_snapshot_id");
        UUID sourceId = VolumeRequest.uuid(body.sourceGroupId(), "source_group_id");
        if ((snapshotId == null) == (sourceId == null)) {
            throw new InvalidInput("Invalid input received: Either 'group_snapshot_id' or 'source_group_id' must be"
                    + " provided to create group " + VolumeRequest.text(body.name(), "name") + " from source.");
        }
        VolumeGroup g = new VolumeGroup();
        g.id = UUID.randomUUID();
        g.projectId = caller.projectId();
        g.userId = caller.userId();
        g.name = VolumeRequest.text(body.name(), "name");
        g.description = VolumeRequest.text(body.description(), "description");
        g.status = VolumeStatus.CREATING;
        g.availabilityZone = config.availabilityZone();
        g.groupSnapshotId = snapshotId;
        g.sourceGroupId = sourceId;
        g.createdAt = g.updatedAt = Instant.now();
        Uni<List<VolumeRequest.Create>> copies = sourceId != null ? fromGroup(caller, admin, g, sourceId)
                : fromSnapshot(caller, admin, g, snapshotId);
        return copies.flatMap(requests -> groups.persist(g).call(() -> groups.flush())
                .call(saved -> events.group("created", saved))
                .chain(() -> Multi.createFrom().iterable(requests).onItem().transformToUniAndConcatenate(r ->
                        volumeCommands.create(caller, admin, r, null)).collect().asList())
                .map(made -> new Sourced(g, made.stream().map(s -> s.volume()).toList())));
    }

    private Uni<List<VolumeRequest.Create>> fromGroup(Caller caller, boolean admin, VolumeGroup g, UUID sourceId) {
        return find(caller, admin, sourceId.toString(), true).flatMap(src -> {
            if (!VolumeStatus.AVAILABLE.equals(src.status)) {
                throw new InvalidInput("Invalid group: Source group " + src.id + " status must be available, but current"
                        + " status is: " + src.status + ".");
            }
            g.groupTypeId = src.groupTypeId;
            g.volumeTypeIds = new ArrayList<>(src.volumeTypeIds);
            return volumes.list("groupId = ?1 order by createdAt", src.id).map(l -> l.stream()
                    .map(v -> copy(v.volumeTypeId, null, v.id, g.id)).toList());
        });
    }

    private Uni<List<VolumeRequest.Create>> fromSnapshot(Caller caller, boolean admin, VolumeGroup g, UUID snapshotId) {
        return groupSnapshots.findById(snapshotId, LockModeType.PESSIMISTIC_WRITE).flatMap(gs -> {
            if (gs == null || !admin && !gs.projectId.equals(caller.projectId())) {
                throw new NotFound("GroupSnapshot " + snapshotId + " could not be found.");
            }
            if (!VolumeStatus.AVAILABLE.equals(gs.status)) {
                throw new InvalidInput("Invalid group snapshot: Group snapshot " + gs.id + " status must be available,"
                        + " but current status is: " + gs.status + ".");
            }
            return groups.findById(gs.groupId).flatMap(src -> {
                g.groupTypeId = gs.groupTypeId;
                g.volumeTypeIds = src == null ? new ArrayList<>() : new ArrayList<>(src.volumeTypeIds);
                return snapshots.ofGroupSnapshot(gs.id);
            }).flatMap(members -> Multi.createFrom().iterable(members).onItem().transformToUniAndConcatenate(snap ->
                    volumes.findById(snap.volumeId).map(v -> {
                        if (!g.volumeTypeIds.contains(v.volumeTypeId)) {
                            g.volumeTypeIds.add(v.volumeTypeId);
                        }
                        return copy(v.volumeTypeId, snap.id, null, g.id);
                    })).collect().asList());
        });
    }

    private static VolumeRequest.Create copy(UUID typeId, UUID snapshotId, UUID sourceVolid, UUID groupId) {
        return new VolumeRequest.Create(null, null, null, java.util.Map.of(), typeId.toString(), null, null, snapshotId,
                sourceVolid, groupId);
    }

    /** A group made from a source becomes available when its volumes are made (error when one could not be). */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id) {
        return groups.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(g -> {
            if (g == null || !VolumeStatus.CREATING.equals(g.status)) {
                return Uni.createFrom().voidItem();
            }
            return volumes.count("groupId = ?1 and status like 'error%'", g.id).flatMap(failed -> {
                g.status = failed > 0 ? VolumeStatus.ERROR : VolumeStatus.AVAILABLE;
                g.updatedAt = Instant.now();
                return events.group("updated", g);
            });
        });
    }

    @Override
    public Uni<Void> checkCreateIn(UUID groupId, String projectId, boolean admin, UUID volumeTypeId) {
        return groups.findById(groupId, LockModeType.PESSIMISTIC_WRITE).map(g -> {
            if (g == null || !admin && !g.projectId.equals(projectId)) {
                throw new NotFound("Group " + groupId + " could not be found.");
            }
            if (!VolumeStatus.AVAILABLE.equals(g.status) && !VolumeStatus.CREATING.equals(g.status)) {
                throw new InvalidInput("Invalid group: Group " + g.id + " status must be available, but current status is: "
                        + g.status + ".");
            }
            if (!g.volumeTypeIds.contains(volumeTypeId)) {
                throw new InvalidInput("Invalid input received: Invalid volume type " + volumeTypeId + " for group "
                        + g.id + ": the group's volume types are " + g.volumeTypeIds + ".");
            }
            return null;
        });
    }

    Uni<VolumeGroup> find(Caller caller, boolean admin, String id, boolean lock) {
        UUID uuid = Ids.orNull(id);
        Uni<VolumeGroup> found = uuid == null ? Uni.createFrom().nullItem()
                : lock ? groups.findById(uuid, LockModeType.PESSIMISTIC_WRITE) : groups.findById(uuid);
        return found.map(g -> {
            if (g == null || !admin && !g.projectId.equals(caller.projectId())) {
                throw new NotFound("Group " + id + " could not be found.");
            }
            return g;
        });
    }

    static boolean flag(com.fasterxml.jackson.databind.JsonNode n, String field) {
        return n != null && !n.isNull() && Booleans.require(n, field);
    }
}
