package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.volume.api.Ids;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.backend.Backends;
import io.strato.volume.quotas.VolumeQuota;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.types.VolumeTypeService;
import io.strato.volume.images.ImageClient;
import io.strato.volume.metadata.Metadata;
import io.strato.volume.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Volume records and their status machine. Requests change the record and answer at once; the backend
 * work (create, extend, delete) runs afterwards in {@link VolumeWorker}, which reports back through the
 * {@code finish...} methods. Every change adds its event in the same transaction.
 */
@ApplicationScoped
public class VolumeService implements MetadataStore {
    private final VolumeRepository volumes;
    private final VolumeTypeRepository types;
    private final VolumeTypeService typeService;
    private final VolumeQuota quota;
    private final Backends backends;
    private final VolumeEvents events;
    private final VolumeApiConfig config;
    private final SnapshotLookup snapshots;
    private final AttachmentLookup attachments;

    public VolumeService(VolumeRepository volumes, VolumeTypeRepository types, VolumeTypeService typeService,
                         VolumeQuota quota, Backends backends, VolumeEvents events, VolumeApiConfig config,
                         SnapshotLookup snapshots, AttachmentLookup attachments) {
        this.snapshots = snapshots;
        this.attachments = attachments;
        this.volumes = volumes;
        this.types = types;
        this.typeService = typeService;
        this.quota = quota;
        this.backends = backends;
        this.events = events;
        this.config = config;
    }

    /** A volume with the name of its type and its attachments, as views show it. */
    public record Shown(Volume volume, String typeName, List<AttachmentEntry> attachments) {
        public Shown(Volume volume, String typeName) {
            this(volume, typeName, List.of());
        }
    }

    /** The volume if the caller's project owns it (any for an admin); a 404 otherwise, so others' volumes stay unknown. */
    @WithSession
    public Uni<Volume> visible(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.parse(id);
        Uni<Volume> found = uuid == null ? Uni.createFrom().nullItem() : volumes.findById(uuid);
        return found.map(v -> {
            if (v == null || !admin && !v.projectId.equals(caller.projectId())) {
                throw new NotFound("Volume " + id + " could not be found.");
            }
            return v;
        });
    }

    /** As {@link #visible}, with the row locked until the transaction ends. */
    private Uni<Volume> locked(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.parse(id);
        Uni<Volume> found = uuid == null ? Uni.createFrom().nullItem() : volumes.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        return found.map(v -> {
            if (v == null || !admin && !v.projectId.equals(caller.projectId())) {
                throw new NotFound("Volume " + id + " could not be found.");
            }
            return v;
        });
    }

    @WithSession
    public Uni<Shown> show(Caller caller, boolean admin, String id) {
        return visible(caller, admin, id).flatMap(this::shown)
                .flatMap(s -> attachments.attached(s.volume().id).map(a -> new Shown(s.volume(), s.typeName(), a)));
    }

    /**
     * The caller's project's volumes (every project's for an admin asking {@code all_tenants}), newest
     * first as Cinder sorts them, after the {@code marker} volume, filtered by name, status, bootable,
     * availability zone and metadata.
     */
    @WithSession
    public Uni<List<Shown>> list(Caller caller, boolean admin, VolumeFilter filter, int limit, String marker) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        String project = filter.project(caller, admin);
        if (project != null) {
            q.append(" and projectId = :project");
            p.put("project", project);
        }
        filter.where(q, p);
        Uni<Void> ready = Uni.createFrom().voidItem();
        if (marker != null) {
            ready = visible(caller, admin, marker).onFailure(NotFound.class)
                    .transform(e -> new InvalidInput("Invalid marker: volume " + marker + " could not be found."))
                    .invoke(m -> {
                        q.append(filter.ascending() ? " and (createdAt > :mt or (createdAt = :mt and id > :mid))"
                                : " and (createdAt < :mt or (createdAt = :mt and id < :mid))");
                        p.put("mt", m.createdAt);
                        p.put("mid", m.id);
                    }).replaceWithVoid();
        }
        String dir = filter.ascending() ? "asc" : "desc";
        return ready.chain(() -> limit == 0 ? Uni.createFrom().item(List.<Volume>of())
                        : volumes.find(q + " order by createdAt " + dir + ", id " + dir, p).range(0, limit - 1).list())
                .chain(list -> typeNames().flatMap(names -> attachments.attached(list.stream().map(v -> v.id).toList())
                        .map(byVolume -> list.stream().map(v -> new Shown(v, names.get(v.volumeTypeId),
                                byVolume.getOrDefault(v.id, List.of()))).toList())));
    }

    /**
     * Accepts a create: blank, from a snapshot (its size and type by default, same backend) or from an image
     * ({@code image} already read with the user's token). Checks the quota under the project's lock.
     */
    @WithTransaction
    public Uni<Shown> create(Caller caller, boolean admin, VolumeRequest.Create request, ImageClient.ImageInfo image) {
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
        return sourceVolume.flatMap(srcVol -> source.flatMap(snap -> sourceType(request, snap, srcVol, admin).flatMap(type -> {
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
            v.backend = snap != null ? snap.backend() : srcVol != null ? srcVol.backend : backends.select(type.extraSpecs);
            v.snapshotId = snap == null ? null : snap.id();
            v.sourceVolid = srcVol == null ? null : srcVol.id;
            v.imageId = image == null ? null : UUID.fromString(image.id());
            v.createdAt = v.updatedAt = Instant.now();
            return quota.checkCreate(v.projectId, v.size, new VolumeQuota.Type(type.id, type.name))
                    .chain(() -> volumes.persist(v))
                    .call(saved -> events.volume("created", saved, type.name))
                    .map(saved -> new Shown(saved, type.name));
        })));
    }

    /** The type asked for, else the source volume's (or the snapshot's volume's) type, else the default type. */
    private Uni<VolumeType> sourceType(VolumeRequest.Create request, SnapshotLookup.Source snap, Volume srcVol,
                                       boolean admin) {
        if (request.volumeType() == null && srcVol != null) {
            return types.findById(srcVol.volumeTypeId);
        }
        if (request.volumeType() == null && snap != null) {
            return volumes.findById(snap.volumeId()).flatMap(src -> types.findById(src.volumeTypeId));
        }
        return typeService.forCreate(request.volumeType(), admin)
                .onFailure(NotFound.class).transform(e -> new NotFound("Volume type " + request.volumeType()
                        + " could not be found."));
    }

    /** Where the worker copies a clone from: the source volume's file, or null. */
    @WithSession
    public Uni<String> volumeLocation(UUID volumeId) {
        return volumes.findById(volumeId).map(v -> v == null ? null : v.providerLocation);
    }

    /** Fails with 400 while a clone of the volume is being made (its file must not change meanwhile). */
    public Uni<Void> checkNotCloning(UUID volumeId) {
        return volumes.count("sourceVolid = ?1 and status = ?2", volumeId, VolumeStatus.CREATING).invoke(n -> {
            if (n > 0) {
                throw new InvalidInput("Invalid volume: volume " + volumeId + " is being cloned; retry when the clone is available.");
            }
        }).replaceWithVoid();
    }

    /** Where the worker copies a new volume from: the snapshot's file, or null. */
    @WithSession
    public Uni<String> snapshotLocation(UUID snapshotId) {
        return snapshots.location(snapshotId);
    }

    /** Name, description and metadata of a volume (Cinder's PUT). */
    @WithTransaction
    public Uni<Shown> update(Caller caller, boolean admin, String id, JsonNode body) {
        return visible(caller, admin, id).flatMap(v -> {
            if (body.has("name") || body.has("display_name")) {
                v.name = VolumeRequest.text(body.has("name") ? body.get("name") : body.get("display_name"), "name");
            }
            if (body.has("description") || body.has("display_description")) {
                v.description = VolumeRequest.text(body.has("description") ? body.get("description")
                        : body.get("display_description"), "description");
            }
            if (body.has("metadata")) {
                v.metadata = Metadata.of(body.get("metadata"));
            }
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName()));
        });
    }

    @Override
    public String collection() {
        return "volumes";
    }

    @Override
    public String kind() {
        return "Volume";
    }

    @Override
    @WithSession
    public Uni<Map<String, String>> metadata(Caller caller, boolean admin, String id) {
        return visible(caller, admin, id).map(v -> v.metadata);
    }

    @Override
    @WithTransaction
    public Uni<Map<String, String>> changeMetadata(Caller caller, boolean admin, String id,
                                                   UnaryOperator<Map<String, String>> change) {
        return locked(caller, admin, id).flatMap(v -> {
            v.metadata = change.apply(v.metadata);
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWith(v.metadata);
        });
    }

    /**
     * Accepts a delete: the volume goes to deleting and the worker removes it. Refused with snapshots, while
     * attached or held by an attachment (the row lock makes a racing attachment create wait for this decision).
     */
    @WithTransaction
    public Uni<Volume> delete(Caller caller, boolean admin, String id) {
        return locked(caller, admin, id).call(v -> checkNotCloning(v.id)).flatMap(v -> snapshots.count(v.id)
                .flatMap(n -> attachments.count(v.id).map(attached -> {
            if (n > 0) {
                throw new InvalidInput("Invalid volume: Volume still has " + n + " dependent snapshots.");
            }
            if (!VolumeStatus.DELETABLE.contains(v.status) || attached > 0) {
                throw new InvalidInput("Invalid volume: Volume status must be available or error or error_restoring"
                        + " or error_extending or error_managing and must not be migrating, attached, belong to a"
                        + " group, have snapshots, awaiting a transfer, or be disassociated from snapshots after"
                        + " volume transfer. (volume " + v.id + " is " + v.status
                        + (attached > 0 ? " with " + attached + " attachment(s)" : "") + ")");
            }
            return v;
        })).flatMap(this::markDeleting));
    }

    /** Moves a volume to deleting with its event, in the caller's transaction (also used by project deletion). */
    public Uni<Volume> markDeleting(Volume v) {
        v.status = VolumeStatus.DELETING;
        v.statusReason = null;
        v.updatedAt = Instant.now();
        return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWith(v);
    }

    /** Accepts an extend (Cinder's os-extend): only an available volume, only larger, within the quota. */
    @WithTransaction
    public Uni<Volume> extend(Caller caller, boolean admin, String id, int newSize) {
        return locked(caller, admin, id).call(v -> checkNotCloning(v.id)).flatMap(v -> snapshots.busy(v.id).flatMap(busy -> {
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
                return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWith(v);
            });
        }));
    }

    /**
     * Changes the volume's type (Cinder's os-retype) when the new type keeps it on the same backend; moving
     * data between backends (a migration) is not offered, as with Cinder's migration_policy "never".
     */
    @WithTransaction
    public Uni<Shown> retype(Caller caller, boolean admin, String id, String newType) {
        if (newType == null || newType.isBlank()) {
            throw new InvalidInput("Invalid input received: os-retype needs new_type.");
        }
        return locked(caller, admin, id).flatMap(v -> typeService.get(newType, admin).flatMap(type -> {
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
                return events.volume("updated", v, type.name).replaceWith(new Shown(v, type.name));
            });
        }));
    }

    /** Marks the volume bootable or not (Cinder's os-set_bootable). */
    @WithTransaction
    public Uni<Void> setBootable(Caller caller, boolean admin, String id, boolean bootable) {
        return visible(caller, admin, id).flatMap(v -> {
            v.bootable = bootable;
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWithVoid();
        });
    }

    /** An admin sets the status (Cinder's os-reset_status), e.g. to rescue a volume from error. */
    @WithTransaction
    public Uni<Void> resetStatus(Caller caller, String id, String status) {
        if (status == null || !VolumeStatus.RESETTABLE.contains(status)) {
            throw new InvalidInput("Invalid input received: status '" + status + "' is not a volume status.");
        }
        return visible(caller, true, id).flatMap(v -> {
            v.status = status;
            v.extendingTo = null;
            v.statusReason = null;
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWithVoid();
        });
    }

    /** The worker's report on a create: available at {@code location}, or error with {@code reason}. */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id, String location, String reason) {
        return finishCreate(id, location, reason, false);
    }

    /** As {@link #finishCreate(UUID, String, String)}; {@code bootable} for a volume made from an image. */
    @WithTransaction
    public Uni<Void> finishCreate(UUID id, String location, String reason, boolean bootable) {
        return volumes.findById(id).flatMap(v -> {
            if (v == null || !VolumeStatus.CREATING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            v.status = reason == null ? VolumeStatus.AVAILABLE : VolumeStatus.ERROR;
            v.statusReason = reason;
            v.providerLocation = location;
            v.bootable = reason == null && bootable;
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWithVoid();
        });
    }

    /** The worker's report on an extend: the new size, or error_extending at the old size. */
    @WithTransaction
    public Uni<Void> finishExtend(UUID id, String reason) {
        return volumes.findById(id).flatMap(v -> {
            if (v == null || !VolumeStatus.EXTENDING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            if (reason == null && v.extendingTo != null) {
                v.size = v.extendingTo;
            }
            v.extendingTo = null;
            v.status = reason == null ? VolumeStatus.AVAILABLE : VolumeStatus.ERROR_EXTENDING;
            v.statusReason = reason;
            v.updatedAt = Instant.now();
            return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWithVoid();
        });
    }

    /** The volume if it is still to be deleted (locks the row: waits for the transaction that marked it to end). */
    @WithTransaction
    public Uni<Volume> stillDeleting(UUID id) {
        return volumes.findById(id, LockModeType.PESSIMISTIC_WRITE).map(v -> v != null && VolumeStatus.DELETING.equals(v.status) ? v : null);
    }

    /** The worker's report on a delete: the row goes (with its event), or error_deleting with the reason. */
    @WithTransaction
    public Uni<Void> finishDelete(UUID id, String reason) {
        return volumes.findById(id).flatMap(v -> {
            if (v == null || !VolumeStatus.DELETING.equals(v.status)) {
                return Uni.createFrom().voidItem();
            }
            if (reason != null) {
                v.status = VolumeStatus.ERROR_DELETING;
                v.statusReason = reason;
                v.updatedAt = Instant.now();
                return shown(v).call(s -> events.volume("updated", v, s.typeName())).replaceWithVoid();
            }
            return shown(v).call(s -> events.volume("deleted", v, s.typeName()))
                    .call(() -> volumes.deleteRow(v)).replaceWithVoid();
        });
    }

    /** Volumes left in a transient status by a stop: last changed before this process started. */
    @WithTransaction
    public Uni<List<Volume>> interrupted(Instant startedAt) {
        return volumes.list("status in ?1 and updatedAt < ?2",
                List.of(VolumeStatus.CREATING, VolumeStatus.EXTENDING, VolumeStatus.DELETING), startedAt);
    }

    private Uni<Shown> shown(Volume v) {
        return types.findById(v.volumeTypeId).map(t -> new Shown(v, t == null ? null : t.name));
    }

    private Uni<Map<UUID, String>> typeNames() {
        return types.listAll().map(all -> {
            Map<UUID, String> m = new HashMap<>();
            for (VolumeType t : all) {
                m.put(t.id, t.name);
            }
            return m;
        });
    }
}
