package io.strato.volume.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.AttachActions;
import io.strato.volume.volumes.VolumeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The legacy attach actions as the volume action endpoint receives them: their arguments validated, then
 * {@link LegacyAttachActions} on the URL's project's volume only (as the attachments API).
 */
@ApplicationScoped
public class LegacyActionRequests implements AttachActions {
    private final LegacyAttachActions legacy;

    public LegacyActionRequests(LegacyAttachActions legacy) {
        this.legacy = legacy;
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
    public Uni<Response> run(String project, String id, String name, JsonNode args) {
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
                yield legacy.attach(project, id, VolumeRequest.uuid(args.get("instance_uuid"), "instance_uuid"),
                        VolumeRequest.text(args.get("host_name"), "host_name"), mountpoint,
                        AttachmentRequest.mode(args.get("mode")));
            }
            case "os-detach" -> legacy.detach(project, id, VolumeRequest.uuid(args.get("attachment_id"), "attachment_id"));
            default -> null;
        };
        if (done != null) {
            return done.map(v -> Response.accepted().build());
        }
        return legacy.initializeConnection(project, id, AttachmentRequest.connector(args.get("connector"), true))
                .map(info -> Response.ok(Map.of("connection_info", info)).build());
    }
}
