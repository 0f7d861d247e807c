package io.strato.volume.attachments;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.VolumeRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Bodies of attachment requests: as bound for the attachments API (typed, so /q/openapi describes them; fields stay
 * {@link JsonNode} so the checks keep Cinder's messages) and validated (also for the legacy volume actions).
 */
public final class AttachmentRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachmentRequest() {
    }

    /** {@code POST /attachments}: {@code {"attachment": {...}}}. */
    public record CreateBody(@JsonProperty("attachment") CreateFields attachment) {
    }

    /** The fields of an attachment create. */
    public record CreateFields(
            @JsonProperty("volume_uuid") JsonNode volumeUuid,
            @JsonProperty("instance_uuid") JsonNode instanceUuid,
            @JsonProperty("connector") JsonNode connector,
            @JsonProperty("mode") JsonNode mode) {
    }

    /** {@code PUT /attachments/{id}}: {@code {"attachment": {"connector": {...}}}}. */
    public record UpdateBody(@JsonProperty("attachment") UpdateFields attachment) {
    }

    /** What an attachment update gives: the connector (required). */
    public record UpdateFields(@JsonProperty("connector") JsonNode connector) {
    }

    /**
     * {@code POST /attachments/{id}/action}: {@code {"os-complete": null}}, the one action; any other key is kept so
     * that it is answered "There is no such action" (a class, not a record, so that Jackson's any-setter collects).
     */
    public static final class ActionBody {
        @JsonProperty("os-complete")
        public JsonNode complete;
        private final Map<String, JsonNode> others = new LinkedHashMap<>();

        @JsonAnySetter
        public void other(String name, JsonNode args) {
            others.put(name, args);
        }

        /** Whether the body is exactly {@code {"os-complete": ...}} (a JSON null arrives as a NullNode). */
        public boolean isComplete() {
            return complete != null && others.isEmpty();
        }
    }

    /** {@code {"attachment": {"volume_uuid": V, "instance_uuid": S, "connector": null|{...}, "mode": "rw"}}}. */
    public record Create(String volumeId, UUID instance, Map<String, Object> connector, String mode) {
        public static Create of(CreateFields a) {
            JsonNode volume = a.volumeUuid();
            if (volume == null || !volume.isTextual()) {
                throw new InvalidInput("Invalid input for field/attribute volume_uuid: it is required and must be a UUID.");
            }
            UUID instance = VolumeRequest.uuid(a.instanceUuid(), "instance_uuid");
            return new Create(volume.asText(), instance, AttachmentRequest.connector(a.connector(), false),
                    AttachmentRequest.mode(a.mode()));
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
