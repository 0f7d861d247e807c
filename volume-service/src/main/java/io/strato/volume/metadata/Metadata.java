package io.strato.volume.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Cinder's metadata of volumes and snapshots: an object of strings, keys of 1 to 255 characters, values of at
 * most 255 (Cinder's {@code parameter_types.metadata}); anything else is a 400. Also the request bodies of the
 * metadata subresource and what each call does to the metadata.
 */
public final class Metadata {
    /** The longest key and the longest value. */
    public static final int MAX_LENGTH = 255;

    private Metadata() {
    }

    /** Validated metadata; empty for an absent or null node. */
    public static Map<String, String> of(JsonNode n) {
        Map<String, String> out = new HashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute metadata: it must be an object of strings.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_LENGTH || !e.getValue().isTextual()
                    || e.getValue().asText().length() > MAX_LENGTH) {
                throw new InvalidInput("Invalid metadata '" + e.getKey() + "': keys and values are strings of at most "
                        + MAX_LENGTH + " characters.");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** {@code POST} and {@code PUT .../metadata}: {@code {"metadata": {...}}} (a JsonNode, checked by {@link #of}). */
    public record Body(@JsonProperty("metadata") JsonNode metadata) {
    }

    /** {@code PUT .../metadata/{key}}: {@code {"meta": {"<key>": "value"}}}. */
    public record ItemBody(@JsonProperty("meta") JsonNode meta) {
    }

    /** {@code {"metadata": {...}}}: a resource's metadata, as the metadata subresource answers it. */
    public record View(Map<String, String> metadata) {
    }

    /** {@code {"meta": {"<key>": "value"}}}: one item. */
    public record ItemView(Map<String, String> meta) {
    }

    /** The metadata of a POST or PUT {@code .../metadata} body, {@code {"metadata": {...}}}. */
    public static Map<String, String> ofBody(Body body) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        JsonNode md = body.metadata();
        if (md == null || !md.isObject()) {
            throw new InvalidInput("The request body must be {\"metadata\": {...}}.");
        }
        return of(md);
    }

    /** The one item of a PUT {@code .../metadata/{key}} body, {@code {"meta": {"<key>": "value"}}}. */
    public static Map<String, String> itemOfBody(ItemBody body, String key) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        JsonNode meta = body.meta();
        if (meta == null || !meta.isObject() || meta.size() != 1 || !meta.has(key)) {
            throw new InvalidInput("The request body must be {\"meta\": {\"" + key + "\": \"value\"}}.");
        }
        return of(meta);
    }

    /** The metadata after a POST (merge: {@code md} wins) or a PUT (replace: {@code md} only). */
    public static Map<String, String> set(Map<String, String> current, Map<String, String> md, boolean replace) {
        Map<String, String> next = replace ? new HashMap<>() : new HashMap<>(current);
        next.putAll(md);
        return next;
    }

    /** The metadata without {@code key}, or null when it has no such key. */
    public static Map<String, String> without(Map<String, String> current, String key) {
        if (!current.containsKey(key)) {
            return null;
        }
        Map<String, String> next = new HashMap<>(current);
        next.remove(key);
        return next;
    }
}
