package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Volume rows as the API commands, the metadata store and the worker results read them: visible to a caller
 * (locked or not), and shown with their type's name; each change's event is added here. In the caller's
 * session or transaction (no interceptors of its own).
 */
@ApplicationScoped
public class VolumeRecords {
    private final VolumeRepository volumes;
    private final VolumeTypeRepository types;
    private final VolumeEvents events;

    public VolumeRecords(VolumeRepository volumes, VolumeTypeRepository types, VolumeEvents events) {
        this.volumes = volumes;
        this.types = types;
        this.events = events;
    }

    /** The volume if the caller's project owns it (any for an admin); a 404 otherwise, so others' volumes stay unknown. */
    Uni<Volume> visible(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.orNull(id);
        Uni<Volume> found = uuid == null ? Uni.createFrom().nullItem() : volumes.findById(uuid);
        return found.map(v -> owned(v, caller, admin, id));
    }

    /** As {@link #visible}, with the row locked until the transaction ends. */
    Uni<Volume> locked(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.orNull(id);
        Uni<Volume> found = uuid == null ? Uni.createFrom().nullItem() : volumes.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        return found.map(v -> owned(v, caller, admin, id));
    }

    private static Volume owned(Volume v, Caller caller, boolean admin, String id) {
        if (v == null || !admin && !v.projectId.equals(caller.projectId())) {
            throw new NotFound("Volume " + id + " could not be found.");
        }
        return v;
    }

    /** The volume with its type's name. */
    Uni<ShownVolume> shown(Volume v) {
        return types.findById(v.volumeTypeId).map(t -> new ShownVolume(v, t == null ? null : t.name));
    }

    /** Adds the volume's {@code action} event (with its type's name); returns it as shown. */
    Uni<ShownVolume> changed(String action, Volume v) {
        return shown(v).call(s -> events.volume(action, v, s.typeName()));
    }

    /** The name of every volume type, by id (for volume lists). */
    Uni<Map<UUID, String>> typeNames() {
        return types.listAll().map(all -> {
            Map<UUID, String> m = new HashMap<>();
            for (VolumeType t : all) {
                m.put(t.id, t.name);
            }
            return m;
        });
    }
}
