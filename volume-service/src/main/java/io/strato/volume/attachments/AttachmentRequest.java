package io.strato.volume.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.VolumeRequest;
import java.util.Map;
import java.util.UUID;

/** Validated bodies of attachment requests (the attachments API and the legacy volume actions). */
public final class AttachmentRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachmentRequest() {
    }

    /** {@code {"attachment": {"volume_uuid": V, "instance_uuid": S, "connector": null|{...}, "mode": "rw"}}}. */
    public record Create(String volumeId, UUID instance, Map<String, Object> connector, String mode) {
        public static Create of(JsonNode a) {
            JsonNode volume = a.get("volume_uuid");
            if (volume == null || !volume.isTextual()) {
                throw new InvalidInput("Invalid input for field/attribute volume_uuid: it is required and must be a UUID.");
            }
            UUID instance = VolumeRequest.uuid(a.get("instance_uuid"), "instance_uuid");
            return new Create(volume.asText(), instance, AttachmentRequest.connector(a.get("connector"), false),
                    AttachmentRequest.mode(a.get("mode")));
        }
    }

    /** A connector: an object (the host, mountpoint, initiator... of the hypervisor), or null when optional. */
    public static Map<String, Object> connector(JsonNode n, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw new InvalidInput("Invalid input received: Must specify 'connector'.");
            }
            return null;
        }
        if (!n.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute connector: it must be an object.");
        }
        for (String key : new String[] {"host", "mountpoint"}) {
            JsonNode v = n.get(key);
            if (v != null && !v.isNull() && (!v.isTextual() || v.asText().length() > 255)) {
                throw new InvalidInput("Invalid input for field/attribute connector." + key
                        + ": it must be a string of at most 255 characters.");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(n, Map.class);
        return m;
    }

    /** The attach mode: rw (the default) or ro. */
    public static String mode(JsonNode n) {
        if (n == null || n.isNull()) {
            return "rw";
        }
        if (!n.isTextual() || !(n.asText().equals("rw") || n.asText().equals("ro"))) {
            throw new InvalidInput("Invalid attaching mode '" + n.asText() + "' for volume: it must be rw or ro.");
        }
        return n.asText();
    }
}
