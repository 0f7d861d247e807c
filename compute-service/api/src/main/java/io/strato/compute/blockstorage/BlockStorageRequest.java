package io.strato.compute.blockstorage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.Map;
import java.util.Set;

/**
 * The create bodies of os-volumes and os-snapshots as Nova's schemas read them (schemas/volumes.py), turned into
 * Cinder's request members (display_name is Cinder's name, display_description its description).
 */
final class BlockStorageRequest {
    private static final Set<String> VOLUME = Set.of("volume_type", "metadata", "snapshot_id", "size",
            "availability_zone", "display_name", "display_description");
    private static final Set<String> SNAPSHOT = Set.of("volume_id", "force", "display_name", "display_description");

    private BlockStorageRequest() {
    }

    /** Cinder's {@code volume} object. */
    static ObjectNode volume(JsonNode volume, Map<String, JsonNode> others) {
        JsonNode v = wrapper("volume", volume, others);
        BodyFields.onlyKnown(v, VOLUME);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode size = v.get("size");
        if (size == null) {
            throw new InvalidInput("Invalid input for field/attribute size. Value: None. 'size' is a required property");
        }
        if (size.isTextual() && !size.asText().matches("^[0-9]+$")) {
            throw BodyFields.invalid("size", size, "'" + size.asText() + "' does not match '^[0-9]+$'");
        }
        out.put("size", BodyFields.integer(v, "size", 1, Integer.MAX_VALUE, null));
        string(v, "display_name", out, "name");
        string(v, "display_description", out, "description");
        string(v, "volume_type", out, "volume_type");
        string(v, "snapshot_id", out, "snapshot_id");
        string(v, "availability_zone", out, "availability_zone");
        JsonNode metadata = v.get("metadata");
        if (metadata != null) {
            if (!metadata.isObject()) {
                throw BodyFields.invalid("metadata", metadata, metadata + " is not of type 'object'");
            }
            out.set("metadata", metadata);
        }
        return out;
    }

    /** Cinder's {@code snapshot} object. */
    static ObjectNode snapshot(JsonNode snapshot, Map<String, JsonNode> others) {
        JsonNode s = wrapper("snapshot", snapshot, others);
        BodyFields.onlyKnown(s, SNAPSHOT);
        if (!s.has("volume_id")) {
            throw new InvalidInput("Invalid input for field/attribute volume_id. Value: None. 'volume_id' is a required property");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        string(s, "volume_id", out, "volume_id");
        out.put("force", BodyFields.bool(s, "force", false));
        string(s, "display_name", out, "name");
        string(s, "display_description", out, "description");
        return out;
    }

    private static JsonNode wrapper(String name, JsonNode value, Map<String, JsonNode> others) {
        if (others != null && !others.isEmpty()) {
            BodyFields.onlyKnown(JsonNodeFactory.instance.objectNode().setAll(others), Set.of());
        }
        return BodyFields.object(value == null ? JsonNodeFactory.instance.objectNode() : wrap(name, value), name);
    }

    private static JsonNode wrap(String name, JsonNode value) {
        return JsonNodeFactory.instance.objectNode().set(name, value);
    }

    private static void string(JsonNode in, String field, ObjectNode out, String as) {
        JsonNode n = in.get(field);
        if (n == null) {
            return;
        }
        if (!n.isTextual()) {
            throw BodyFields.invalid(field, n, n + " is not of type 'string'");
        }
        out.put(as, n.asText());
    }
}
