package io.strato.volume.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.compute.ComputeClient;
import io.strato.volume.volumes.AttachActions;
import io.strato.volume.volumes.VolumeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;

/**
 * The legacy attach actions as the volume action endpoint receives them: their arguments validated, then
 * {@link LegacyAttachActions} on the URL's project's volume only (as the attachments API).
 */
@ApplicationScoped
public class LegacyActionRequests implements AttachActions {
    private final LegacyAttachActions legacy;
    private final ComputeClient compute;

    public LegacyActionRequests(LegacyAttachActions legacy, ComputeClient compute) {
        this.legacy = legacy;
        this.compute = compute;
    }

    @Override
    public Uni<Response> forceDetach(String volumeId, JsonNode args) {
        if (args.isObject()) {
            AttachmentRequest.connector(args.get("connector"), false);
        }
        JsonNode attachment = args.isObject() ? args.get("attachment_id") : null;
        return legacy.forceDetach(volumeId, VolumeRequest.uuid(attachment, "attachment_id"))
                .map(v -> Response.accepted().build());
    }

    @Override
    public Uni<Response> run(String project, String id, String name, JsonNode args, String token, boolean admin) {
        Uni<Void> done = switch (name) {
            case "os-reserve" -> legacy.reserve(project, id);
            case "os-unreserve" -> legacy.unreserve(project, id);
            case "os-begin_detaching" -> legacy.beginDetaching(project, id);
            case "os-roll_detaching" -> legacy.rollDetaching(project, id);
            case "os-terminate_connection" -> {
                AttachmentRequest.connector(args.get("connector"), true);
                yield legacy.terminateConnection(project, id);
            }
            case "os-attach" -> {
                String mountpoint = VolumeRequest.text(args.get("mountpoint"), "mountpoint");
                if (mountpoint == null) {
                    throw new InvalidInput("Invalid input for field/attribute os-attach: mountpoint is required.");
                }
                UUID instance = VolumeRequest.uuid(args.get("instance_uuid"), "instance_uuid");
                String host = VolumeRequest.text(args.get("host_name"), "host_name");
                String mode = AttachmentRequest.mode(args.get("mode"));
                Uni<Void> visible = instance == null ? Uni.createFrom().voidItem() : compute.requireVisible(instance, token);
                yield visible.chain(() -> legacy.attach(project, id, instance, host, mountpoint, mode));
            }
            case "os-detach" -> legacy.detach(project, id, VolumeRequest.uuid(args.get("attachment_id"), "attachment_id"));
            default -> null;
        };
        if (done != null) {
            return done.map(v -> Response.accepted().build());
        }
        return legacy.initializeConnection(project, id, AttachmentRequest.connector(args.get("connector"), true))
                .map(info -> Response.ok(Map.of("connection_info", Connections.shownTo(info, admin))).build());
    }
}
