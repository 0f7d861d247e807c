package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.backend.Backends;
import io.strato.volume.images.ImageClient;
import io.strato.volume.messages.UserMessages;
import io.strato.volume.metadata.Metadata;
import io.strato.volume.quotas.VolumeQuota;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.types.VolumeTypeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The volume API's commands and their status machine: each changes the record under its rules and answers at
 * once, adding its event in the same transaction; the backend work (create, extend, delete) runs afterwards in
 * {@link VolumeWorker}, which reports to {@link VolumeWorkerResults}. Reads: {@link VolumeQueries}; metadata:
 * {@link VolumeMetadataStore}.
 */
@ApplicationScoped
public class VolumeCommands {
    private final VolumeRepository volumes;
    private final VolumeTypeRepository types;
    private final VolumeTypeService typeService;
    private final VolumeQuota quota;
    private final Backends backends;
    private final VolumeEvents events;
    private final VolumeApiConfig config;
    private final SnapshotLookup snapshots;
    private final AttachmentLookup attachments;
    private final VolumeRecords records;
    private final GroupLookup groups;
    private final UserMessages messages;
    /** The backend of a volume no backend could take (it is in error, with no data anywhere). */
    public static final String UNSCHEDULED = "";

    public VolumeCommands(VolumeRepository volumes, VolumeTypeRepository types, VolumeTypeService typeService,
                          VolumeQuota quota, Backends backends, VolumeEvents events, VolumeApiConfig config,
                          SnapshotLookup snapshots, AttachmentLookup attachments, VolumeRecords records,
                          GroupLookup groups, UserMessages messages) {
        this.messages = messages;
        this.groups = groups;
        this.volumes = volumes;
        this.types = types;
        this.typeService = typeService;
        this.quota = quota;
        this.backends = backends;
        this.events = events;
        this.config = config;
        this.snapshots = snapshots;
        this.attachments = attachments;
        this.records = records;
    }

    /**
     * Accepts a create: blank, from a snapshot (its size and type by default, same backend) or from an image
     * ({@code image} already read with the user's token). Checks the quota under the project's lock.
     */
    @WithTransaction
    public Uni<ShownVolume> create(Caller caller, boolean admin, VolumeRequest.Create request, ImageClient.ImageInfo image) {
        int sources = (request.sourceVolid() != null ? 1 : 0) + (request.snapshotId() != null ? 1 : 0)
                + (image != null ? 1 : 0);
        if (sources > 1) {
            throw new InvalidInput("Invalid input received: a volume is created from at most one of snapshot_id,"
                    + " source_volid and imageRef.");
        }
        if (request.availabilityZone() != null && !request.availabilityZone().equals(config.availabilityZone())) {
            throw new InvalidInput("Invalid input received: Availability zone '" + request.availabilityZone()
                    + "' is invalid.");
        }
        if (caller.projectId() == null) {
            throw new InvalidInput("A volume is created in a project: use a project-scoped token.");
        }
        Uni<SnapshotLookup.Source> source = request.snapshotId() == null ? Uni.createFrom().nullItem()
                : snapshots.lockSource(request.snapshotId()).map(snap -> {
                    if (snap == null || !admin && !snap.projectId().equals(caller.projectId())) {
                        throw new NotFound("Snapshot " + request.snapshotId() + " could not be found.");
                    }
                    if (!VolumeStatus.AVAILABLE.equals(snap.status())) {
                        throw new InvalidInput("Invalid snapshot: Originating snapshot status must be one of 'available'"
                                + " values (snapshot " + snap.id() + " is " + snap.status() + ").");
                    }
                    return snap;
                });
        Uni<Volume> sourceVolume = request.sourceVolid() == null ? Uni.createFrom().nullItem()
                : volumes.findById(request.sourceVolid(), LockModeType.PESSIMISTIC_WRITE).map(src -> {
                    if (src == null || !admin && !src.projectId.equals(caller.projectId())) {
                        throw new NotFound("Volume " + request.sourceVolid() + " could not be found.");
                    }
                    if (!VolumeStatus.AVAILABLE.equals(src.status)) {
                        throw new InvalidInput("Invalid volume: Source volume " + src.id + " status must be available,"
                                + " but current status is: " + src.status + ".");
                    }
                    return src;
                });
        return sourceVolume.flatMap(srcVol -> source.flatMap(snap -> sourceType(request, snap, srcVol, admin, caller.projectId())
                .call(typeService::refuseEncrypted).flatMap(type -> {
            int size = request.size() != null ? request.size() : snap != null ? snap.size() : srcVol.size;
            if (srcVol != null && size < srcVol.size) {
                throw new InvalidInput("Invalid input received: Volume size '" + size + "'GB cannot be smaller than"
                        + " the source volume size " + srcVol.size + "GB.");
            }
            if (snap != null && size < snap.size()) {
                throw new InvalidInput("Invalid input received: Volume size '" + size + "'GB cannot be smaller than"
                        + " the snapshot size " + snap.size() + "GB. They must be >= original snapshot size.");
            }
            if (image != null && image.minDiskGb() > size) {
                throw new InvalidInput("Invalid input received: Volume size " + size + "GB cannot be smaller than the"
                        + " image minDisk size " + image.minDiskGb() + "GB.");
            }
            if (image != null && image.virtualSize() > ((long) size << 30)) {
                throw new InvalidInput("Invalid input received: Image virtual size is " + image.virtualSize()
                        + " bytes and doesn't fit in a volume of size " + size + "GB.");
            }
            Volume v = new Volume();
            v.id = UUID.randomUUID();
            v.projectId = caller.projectId();
            v.userId = caller.userId();
            v.name = request.name();
            v.description = request.description();
            v.size = size;
            v.status = VolumeStatus.CREATING;
            v.volumeTypeId = type.id;
            v.availabilityZone = config.availabilityZone();
            v.metadata = new HashMap<>(request.metadata());
            // a copy stays on its source's backend; a new volume goes where the scheduler finds one (Cinder: else error)
            Optional<String> scheduled = snap != null ? Optional.of(snap.backend()) : srcVol != null ? Optional.of(srcVol.backend)
                    : backends.schedule(type.extraSpecs);
            v.backend = scheduled.orElse(UNSCHEDULED);
            if (scheduled.isEmpty()) {
                v.status = VolumeStatus.ERROR;
                v.statusReason = "No valid backend was found: no backend's capabilities match the extra specs of volume type "
                        + type.name + ".";
            }
            v.snapshotId = snap == null ? null : snap.id();
            v.sourceVolid = srcVol == null ? null : srcVol.id;
            v.imageId = image == null ? null : UUID.fromString(image.id());
            v.imageMetadata = image == null ? new HashMap<>() : new HashMap<>(image.glanceMetadata());
            v.groupId = request.groupId();
            v.createdAt = v.updatedAt = Instant.now();
            // a copy of a volume (or of its snapshot) is bootable as it is, with its image's metadata, as in Cinder
            Uni<Volume> origin = srcVol != null ? Uni.createFrom().item(srcVol)
                    : snap != null ? volumes.findById(snap.volumeId()) : Uni.createFrom().nullItem();
            Uni<Void> group = request.groupId() == null ? Uni.createFrom().voidItem()
                    : groups.checkCreateIn(request.groupId(), caller.projectId(), admin, type.id);
            return group.chain(() -> origin).invoke(o -> {
                        if (o != null) {
                            v.bootable = o.bootable;
                            v.imageId = o.imageId;
                            v.imageMetadata = new HashMap<>(o.imageMetadata == null ? Map.of() : o.imageMetadata);
                        }
                    })
                    .chain(() -> quota.checkCreate(v.projectId, v.size, new VolumeQuota.Type(type.id, type.name)))
                    .chain(() -> volumes.persist(v))
                    .call(saved -> events.volume("created", saved, type.name))
                    .call(saved -> scheduled.isPresent() ? Uni.createFrom().voidItem()
                            : messages.error(saved.projectId, saved.id, UserMessages.Event.NO_VALID_BACKEND))
                    .map(saved -> new ShownVolume(saved, type.name));
        })));
    }

    /** The type asked for, else the source volume's (or the snapshot's volume's) type, else the default type. */
    private Uni<VolumeType> sourceType(VolumeRequest.Create request, SnapshotLookup.Source snap, Volume srcVol,
                                       boolean admin, String projectId) {
        if (request.volumeType() == null && srcVol != null) {
            return types.findById(srcVol.volumeTypeId);
        }
        if (request.volumeType() == null && snap != null) {
            return volumes.findById(snap.volumeId()).flatMap(src -> types.findById(src.volumeTypeId));
        }
        return typeService.forCreate(request.volumeType(), admin, projectId)
                .onFailure(NotFound.class).transform(e -> new NotFound("Volume type " + request.volumeType()
                        + " could not be found."));
    }

    /** Fails with 400 while a clone of the volume is being made (its file must not change meanwhile). */
    public Uni<Void> checkNotCloning(UUID volumeId) {
        return volumes.count("sourceVolid = ?1 and status = ?2", volumeId, VolumeStatus.CREATING).invoke(n -> {
            if (n > 0) {
                throw new InvalidInput("Invalid volume: volume " + volumeId + " is being cloned; retry when the clone is available.");
            }
        }).replaceWithVoid();
    }

    /** Name, description and metadata of a volume (Cinder's PUT). */
    @WithTransaction
    public Uni<ShownVolume> update(Caller caller, boolean admin, String id, VolumeRequest.UpdateFields body) {
        return records.locked(caller, admin, id).flatMap(v -> {
            // a field given as null is a NullNode (it clears), an absent one is null (left alone)
            if (body.name() != null || body.displayName() != null) {
                v.name = VolumeRequest.text(body.name() != null ? body.name() : body.displayName(), "name");
            }
            if (body.description() != null || body.displayDescription() != null) {
                v.description = VolumeRequest.text(body.description() != null ? body.description()
                        : body.displayDescription(), "description");
            }
            if (body.metadata() != null) {
                v.metadata = Metadata.of(body.metadata());
            }
            v.updatedAt = Instant.now();
            return records.changed("updated", v);
        });
    }

    /**
     * Accepts a delete: the volume goes to deleting and the worker removes it. Refused with snapshots (unless
     * {@code cascade}: Cinder's cascade takes them too), while attached or held by an attachment (the row lock makes a
     * racing attachment create wait for this decision).
     */
    @WithTransaction
    public Uni<Volume> delete(Caller caller, boolean admin, String id, boolean cascade) {
        return records.locked(caller, admin, id).call(v -> checkNotCloning(v.id))
                .call(v -> cascade ? snapshots.dropAll(v.id) : Uni.createFrom().voidItem()).flatMap(v -> snapshots.count(v.id)
                .flatMap(n -> attachments.count(v.id).map(attached -> {
            if (n > 0) {
                throw new InvalidInput("Invalid volume: Volume still has " + n + " dependent snapshots.");
            }
            if (!VolumeStatus.DELETABLE.contains(v.status) || attached > 0 || v.groupId != null) {
                throw new InvalidInput("Invalid volume: Volume status must be available or error or error_restoring"
                        + " or error_extending or error_managing and must not be migrating, attached, belong to a"
                        + " group, have snapshots, awaiting a transfer, or be disassociated from snapshots after"
                        + " volume transfer. (volume " + v.id + " is " + v.status
                        + (attached > 0 ? " with " + attached + " attachment(s)" : "")
                        + (v.groupId != null ? " in group " + v.groupId : "") + ")");
            }
            return v;
        })).flatMap(this::markDeleting));
    }

    /**
     * Cinder's os-force_delete (admins): a delete whatever the volume's status, but still not while it is attached,
     * has snapshots or is being cloned (Cinder's other conditions). Work still running on it (a create, say) ends
     * first: the worker queues the delete after it.
     */
    @WithTransaction
    public Uni<Volume> forceDelete(Caller caller, String id) {
        return records.locked(caller, true, id).call(v -> checkNotCloning(v.id)).flatMap(v -> snapshots.count(v.id)
                .flatMap(n -> attachments.attached(v.id).map(attached -> {
            if (n > 0 || !attached.isEmpty() || v.groupId != null) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " must not be migrating, attached, belong to a"
                        + " group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume"
                        + " transfer. (" + (n > 0 ? n + " snapshot(s)" : v.groupId != null ? "in group " + v.groupId
                        : attached.size() + " attachment(s)") + ")");
            }
            return v;
        })).flatMap(this::markDeleting));
    }

    /** Fails with 400 while the volume has snapshots (Cinder's "Volume still has N dependent snapshots."). */
    public Uni<Void> checkNoSnapshots(Volume v) {
        return snapshots.count(v.id).invoke(n -> {
            if (n > 0) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " still has " + n + " dependent snapshots.");
            }
        }).replaceWithVoid();
    }

    /** Moves a volume to deleting with its event, in the caller's transaction (also used by project deletion). */
    public Uni<Volume> markDeleting(Volume v) {
        v.status = VolumeStatus.DELETING;
        v.statusReason = null;
        v.updatedAt = Instant.now();
        return records.changed("updated", v).replaceWith(v);
    }

    /** Accepts an extend (Cinder's os-extend): only an available volume, only larger, within the quota. */
    @WithTransaction
    public Uni<Volume> extend(Caller caller, boolean admin, String id, int newSize) {
        return records.locked(caller, admin, id).call(v -> checkNotCloning(v.id)).flatMap(v -> snapshots.busy(v.id).flatMap(busy -> {
            if (busy > 0) {
                throw new InvalidInput("Invalid volume: a snapshot of volume " + v.id + " is being created or deleted.");
            }
            if (!VolumeStatus.AVAILABLE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: Volume status must be available to extend (volume "
                        + v.id + " is " + v.status + ").");
            }
            if (newSize <= v.size) {
                throw new InvalidInput("Invalid input received: New size for extend must be greater than current size."
                        + " (current: " + v.size + ", extended: " + newSize + ").");
            }
            return types.findById(v.volumeTypeId).chain(t -> quota.checkResize(v.projectId, v.id, newSize,
                    new VolumeQuota.Type(v.volumeTypeId, t == null ? "" : t.name))).chain(() -> {
                v.status = VolumeStatus.EXTENDING;
                v.extendingTo = newSize;
                v.updatedAt = Instant.now();
                return records.changed("updated", v).replaceWith(v);
            });
        }));
    }

    /**
     * Changes the volume's type (Cinder's os-retype) when the new type keeps it on the same backend; moving
     * data between backends (a migration) is not offered, as with Cinder's migration_policy "never".
     */
    @WithTransaction
    public Uni<ShownVolume> retype(Caller caller, boolean admin, String id, String newType) {
        if (newType == null || newType.isBlank()) {
            throw new InvalidInput("Invalid input received: os-retype needs new_type.");
        }
        return records.locked(caller, admin, id).flatMap(v -> typeService.get(newType, admin, caller.projectId())
                .call(typeService::refuseEncrypted).flatMap(type -> {
            if (!VolumeStatus.AVAILABLE.equals(v.status) && !VolumeStatus.IN_USE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: Volume status must be available or in-use to retype (volume "
                        + v.id + " is " + v.status + ").");
            }
            if (type.id.equals(v.volumeTypeId)) {
                throw new InvalidInput("Invalid input received: Retype requires a different type than the current one.");
            }
            String backend = backends.select(type.extraSpecs);
            if (!backend.equals(v.backend)) {
                throw new InvalidInput("Invalid volume: Retype to " + type.name + " requires a migration from backend "
                        + v.backend + " to " + backend + ", which is not supported.");
            }
            return quota.checkRetype(v.projectId, v.size, new VolumeQuota.Type(type.id, type.name)).chain(() -> {
                v.volumeTypeId = type.id;
                v.updatedAt = Instant.now();
                return events.volume("updated", v, type.name).replaceWith(new ShownVolume(v, type.name));
            });
        }));
    }

    /** Marks the volume bootable or not (Cinder's os-set_bootable). */
    @WithTransaction
    public Uni<Void> setBootable(Caller caller, boolean admin, String id, boolean bootable) {
        return records.locked(caller, admin, id).flatMap(v -> {
            v.bootable = bootable;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWithVoid();
        });
    }

    /**
     * Cinder's os-update_readonly_flag: the {@code readonly} admin metadata ("True"/"False", Python's spelling, as
     * Cinder stores it), of an available volume only.
     */
    @WithTransaction
    public Uni<Void> updateReadonlyFlag(Caller caller, boolean admin, String id, boolean readonly) {
        return records.locked(caller, admin, id).flatMap(v -> {
            if (!VolumeStatus.AVAILABLE.equals(v.status)) {
                throw new InvalidInput("Invalid volume: Volume " + v.id + " status must be available to update readonly flag,"
                        + " but current status is: " + v.status + ".");
            }
            Map<String, String> admins = new HashMap<>(v.adminMetadata == null ? Map.of() : v.adminMetadata);
            admins.put("readonly", readonly ? "True" : "False");
            v.adminMetadata = admins;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWithVoid();
        });
    }

    /** An admin sets the status (Cinder's os-reset_status), e.g. to rescue a volume from error. */
    @WithTransaction
    public Uni<Void> resetStatus(Caller caller, String id, String status) {
        if (status == null || !VolumeStatus.RESETTABLE.contains(status)) {
            throw new InvalidInput("Invalid input received: status '" + status + "' is not a volume status.");
        }
        return records.locked(caller, true, id).flatMap(v -> {
            v.status = status;
            v.extendingTo = null;
            v.statusReason = null;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWithVoid();
        });
    }
}
