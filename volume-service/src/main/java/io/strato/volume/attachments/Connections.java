package io.strato.volume.attachments;

import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Unavailable;
import io.strato.volume.backend.Backends;
import io.strato.volume.backend.Driver;
import io.strato.volume.backend.DriverException;
import io.strato.volume.qos.QosSpecs;
import io.strato.volume.qos.QosSpecsRepository;
import io.strato.volume.types.VolumeTypeRepository;
import io.strato.volume.volumes.Volume;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Cinder's {@code connection_info} for a volume: how a hypervisor on this machine reaches it (the backend's
 * {@link Driver#connection}) with the access mode and the QoS limits the hypervisor must apply.
 */
@ApplicationScoped
public class Connections {
    /** The QoS consumers whose specs the hypervisor applies (Cinder's rule: not back-end-only ones). */
    static final Set<String> FRONT_END = Set.of("front-end", "both");
    /** Limits Cinder also accepts per GiB of the volume ({@code <key>_per_gb}, floored by {@code <key>_per_gb_min}). */
    static final List<String> PER_GB = List.of("read_iops_sec", "read_bytes_sec", "write_iops_sec", "write_bytes_sec",
            "total_iops_sec", "total_bytes_sec");

    private final Backends backends;
    private final VolumeTypeRepository types;
    private final QosSpecsRepository qos;
    private final Vertx vertx;

    public Connections(Backends backends, VolumeTypeRepository types, QosSpecsRepository qos, Vertx vertx) {
        this.backends = backends;
        this.types = types;
        this.qos = qos;
        this.vertx = vertx;
    }

    /**
     * The connection info of {@code v} (which has data) in {@code mode}; {@code attachmentId} is named in it when the
     * connection belongs to an attachment (null for the legacy os-initialize_connection).
     */
    public Uni<Map<String, Object>> of(Volume v, String mode, UUID attachmentId) {
        String backend = v.backend;
        String location = v.providerLocation;
        // drivers may block (Driver's contract): ask on a worker thread, the answer comes back on this context
        Uni<Driver.Connection> connection = vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return backends.driver(backend).connection(location);
            } catch (DriverException e) {
                throw new Unavailable("The backend " + backend + " cannot connect volume " + v.id + ": " + e.getMessage());
            }
        }));
        return connection.flatMap(c -> qosSpecs(v).map(specs -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("device_path", c.devicePath());
            data.put("format", c.format());
            data.put("volume_id", v.id.toString());
            data.put("serial", v.id.toString());
            data.put("access_mode", mode);
            data.put("encrypted", false);
            data.put("qos_specs", specs);
            if (attachmentId != null) {
                data.put("attachment_id", attachmentId.toString());
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("driver_volume_type", c.driverVolumeType());
            info.put("data", data);
            return info;
        }));
    }

    /**
     * The connection info as {@code admin} or not may see it: the host's file path ({@code data.device_path}) only for
     * admins (compute-service calls as one and needs it); a project member gets the rest. Cinder's file drivers (NFS and
     * the other remotefs ones) hand out the share and the file's name, never a path on a host, and Strato's path names
     * the backend's directory on the volume host: not for tenants (docs/volume-api.md).
     */
    public static Map<String, Object> shownTo(Map<String, Object> info, boolean admin) {
        if (admin || info == null || !(info.get("data") instanceof Map<?, ?> data) || !data.containsKey("device_path")) {
            return info;
        }
        Map<String, Object> shown = new LinkedHashMap<>(info);
        Map<Object, Object> hidden = new LinkedHashMap<>(data);
        hidden.remove("device_path");
        shown.put("data", hidden);
        return shown;
    }

    /** The specs of the QoS associated with the volume's type when the hypervisor is to apply them, else null. */
    Uni<Map<String, String>> qosSpecs(Volume v) {
        return types.findById(v.volumeTypeId).flatMap(t -> t == null || t.qosSpecsId == null
                ? Uni.createFrom().<QosSpecs>nullItem() : qos.findById(t.qosSpecsId))
                .map(q -> q == null || !FRONT_END.contains(q.consumer) ? null : perVolume(q.specs, v.size));
    }

    /** Cinder's per-GiB limits turned into this volume's limits (added to a flat limit of the same key, if any). */
    static Map<String, String> perVolume(Map<String, String> specs, int sizeGb) {
        Map<String, String> out = new TreeMap<>(specs);
        for (String key : PER_GB) {
            String perGb = out.remove(key + "_per_gb");
            String min = out.remove(key + "_per_gb_min");
            if (perGb == null) {
                continue;
            }
            try {
                long value = Math.max(min == null ? 0 : Long.parseLong(min.trim()), Long.parseLong(perGb.trim()) * sizeGb);
                long flat = out.containsKey(key) ? Long.parseLong(out.get(key).trim()) : 0;
                out.put(key, Long.toString(flat + value));
            } catch (NumberFormatException e) {
                // a malformed per-GiB spec is left out rather than failing every attach of the type
            }
        }
        return out;
    }
}
