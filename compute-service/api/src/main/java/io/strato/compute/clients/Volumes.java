package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * volume-service's attachments API as compute-service uses it, always with the {@link ServiceToken} and the
 * server's project in the path (volume-service looks the volume up in that project only, so a user can never
 * attach another project's volume). {@link #reserve} and {@link #connect} run in an API request and fail with
 * Nova's faults; {@link #complete} and {@link #delete} run in the saga and fail with {@link RemoteFailure}s.
 */
@ApplicationScoped
public class Volumes {
    static final String SERVICE = "volume-service";
    private static final Logger LOG = Logger.getLogger(Volumes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The front-end QoS keys libvirt knows as {@code <iotune>} elements (Nova's libvirt volume driver's list). */
    static final List<String> IOTUNE = List.of("total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
            "total_iops_sec", "read_iops_sec", "write_iops_sec", "total_bytes_sec_max", "read_bytes_sec_max",
            "write_bytes_sec_max", "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max", "size_iops_sec");

    private final CinderApi cinder;
    private final CinderBlockApi volumesApi;
    private final ServiceToken serviceToken;

    Volumes(CinderApi cinder, CinderBlockApi volumesApi, ServiceToken serviceToken) {
        this.cinder = cinder;
        this.volumesApi = volumesApi;
        this.serviceToken = serviceToken;
    }

    /**
     * How the host reaches the volume (connection_info of a {@code file} volume) and the limits of its type.
     *
     * @param iotune libvirt iotune element names and values, from the type's front-end {@code qos_specs}
     */
    public record Connection(String devicePath, String format, Map<String, Long> iotune) {
    }

    /** Creates an attachment of the volume to the server (the volume becomes {@code reserved}); its id. */
    public Uni<UUID> reserve(String projectId, UUID volumeId, UUID serverId) {
        ObjectNode attachment = MAPPER.createObjectNode().put("volume_uuid", volumeId.toString())
                .put("instance_uuid", serverId.toString()).put("mode", "rw");
        attachment.putNull("connector");
        String body = wrap(attachment);
        return forUser(asService(t -> cinder.create(projectId, body, t, CinderApi.VERSION)), volumeId)
                .map(r -> UUID.fromString(r.body().path("attachment").path("id").asText()));
    }

    /** Gives volume-service the host's connector for {@code mountpoint}; the volume becomes {@code attaching}. */
    public Uni<Connection> connect(String projectId, UUID volumeId, UUID attachmentId, String host, String mountpoint) {
        ObjectNode connector = MAPPER.createObjectNode().put("host", host).put("mountpoint", mountpoint)
                .putNull("initiator").put("platform", "x86_64").put("os_type", "linux").put("multipath", false);
        String body = wrap(MAPPER.createObjectNode().set("connector", connector));
        return forUser(asService(t -> cinder.update(projectId, attachmentId.toString(), body, t, CinderApi.VERSION)),
                volumeId).map(r -> connection(volumeId, r.body().path("attachment").path("connection_info")));
    }

    /** os-complete: the volume is {@code in-use}. A 404 (the attachment is gone) is a {@link RemoteFailure} too. */
    public Uni<Void> complete(String projectId, UUID attachmentId) {
        return asService(t -> cinder.action(projectId, attachmentId.toString(), "{\"os-complete\": null}", t,
                CinderApi.VERSION)).replaceWithVoid();
    }

    /** Deletes the attachment (the volume becomes {@code available} when none remain); one that is gone is fine. */
    public Uni<Void> delete(String projectId, UUID attachmentId) {
        return asService(t -> cinder.delete(projectId, attachmentId.toString(), t, CinderApi.VERSION)).replaceWithVoid()
                .onFailure(e -> e instanceof RemoteFailure f && f.status() == 404).recoverWithNull();
    }

    /**
     * Deletes a volume whose attachment said delete_on_termination (2.79), after its attachment is gone. Gone
     * already is fine; a refusal (a snapshot of it, a state volume-service will not delete in) is logged and the
     * volume kept, as Nova's compute only logs a failed delete; volume-service away fails, so the step is retried.
     */
    public Uni<Void> deleteVolume(String projectId, UUID volumeId) {
        return asService(t -> volumesApi.delete(projectId, "volumes", volumeId.toString(), t)).replaceWithVoid()
                .onFailure(e -> e instanceof RemoteFailure f && f.status() >= 400 && f.status() < 500)
                .recoverWithItem(e -> {
                    LOG.warnf("volume %s (delete_on_termination) was not deleted: %s", volumeId, e.getMessage());
                    return null;
                });
    }

    static Connection connection(UUID volumeId, JsonNode info) {
        String type = info.path("driver_volume_type").asText("");
        JsonNode data = info.path("data");
        if (!"file".equals(type) || !data.hasNonNull("device_path")) {
            throw new InvalidInput("Invalid volume: volume " + volumeId + " has connection type '" + type
                    + "', which this cloud's hosts cannot attach.");
        }
        Map<String, Long> iotune = new LinkedHashMap<>();
        JsonNode qos = data.path("qos_specs");
        for (String key : IOTUNE) {
            JsonNode v = qos.get(key);
            if (v == null || v.isNull()) {
                continue;
            }
            try {
                long limit = Long.parseLong(v.asText().trim());
                if (limit > 0) {
                    iotune.put(key, limit);
                }
            } catch (NumberFormatException e) {
                LOG.warnf("volume %s: ignoring QoS %s=%s (not a number)", volumeId, key, v.asText());
            }
        }
        return new Connection(data.path("device_path").asText(), data.path("format").asText("raw"), iotune);
    }

    private Uni<Remote.Reply> asService(Function<String, Uni<Response>> call) {
        return Remote.asService(SERVICE, serviceToken, call);
    }

    /** volume-service's refusals as Nova words them: 404 the volume, 400 its message, the rest a 503. */
    private static Uni<Remote.Reply> forUser(Uni<Remote.Reply> call, UUID volumeId) {
        return call.onFailure(RemoteFailure.class).transform(e -> {
            RemoteFailure f = (RemoteFailure) e;
            return switch (f.status()) {
                case 404 -> new NotFound("Volume " + volumeId + " could not be found.");
                case 400, 409 -> new InvalidInput(f.getMessage());
                default -> new Unavailable(SERVICE + " could not be reached or failed: " + f.getMessage());
            };
        });
    }

    private static String wrap(ObjectNode attachment) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("attachment", attachment);
        return root.toString();
    }
}
