package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The subset of RFC 6902 Glance accepts on an image ({@code application/openstack-images-v2.1-json-patch}):
 * add, replace and remove of one attribute or property per operation, addressed as {@code /name}.
 * Read-only attributes are a 403, malformed operations a 400, as Glance answers.
 */
public final class ImagePatch {
    private ImagePatch() {
    }

    /** Applies every operation to the image, or fails with nothing applied that matters (the caller rolls back). */
    public static void apply(Image image, JsonNode ops) {
        if (ops == null || !ops.isArray()) {
            throw new InvalidInput("A JSON patch must be an array of operations.");
        }
        for (JsonNode op : ops) {
            applyOne(image, op);
        }
    }

    private static void applyOne(Image image, JsonNode op) {
        if (!op.isObject()) {
            throw new InvalidInput("A JSON patch operation must be an object.");
        }
        String kind = op.path("op").asText(null);
        if (kind == null || !List.of("add", "replace", "remove").contains(kind)) {
            throw new InvalidInput("Unsupported JSON patch operation '" + op.path("op").asText("")
                    + "': use add, replace or remove.");
        }
        JsonNode value = op.get("value");
        if (op.path("path").asText("").startsWith("/tags/")) {
            tagElement(image, kind, op.get("path").textValue(), value);
            return;
        }
        String attribute = attribute(op.get("path"));
        if (!kind.equals("remove") && value == null) {
            throw new InvalidInput("Operation '" + kind + "' on '/" + attribute + "' needs a value.");
        }
        if (ImageAttributes.READ_ONLY.contains(attribute)) {
            throw ImageAttributes.readOnly(attribute);
        }
        if (ImageAttributes.WRITABLE.contains(attribute)) {
            if (kind.equals("remove")) {
                throw new Forbidden("Attribute '" + attribute + "' cannot be removed.");
            }
            setBase(image, attribute, value);
            return;
        }
        Map<String, String> props = image.properties == null ? new HashMap<>() : new HashMap<>(image.properties);
        switch (kind) {
            case "remove" -> {
                if (props.remove(attribute) == null) {
                    throw new Conflict("Property " + attribute + " does not exist.");
                }
            }
            case "replace" -> {
                if (!props.containsKey(attribute)) {
                    throw new Conflict("Property " + attribute + " does not exist.");
                }
                props.put(attribute, ImageAttributes.property(attribute, value));
            }
            default -> props.put(attribute, ImageAttributes.property(attribute, value));
        }
        image.properties = props;
    }

    private static void setBase(Image image, String attribute, JsonNode value) {
        switch (attribute) {
            case "name" -> image.name = ImageAttributes.name(value);
            case "visibility" -> image.visibility = ImageAttributes.visibility(value);
            case "protected" -> image.isProtected = ImageAttributes.bool(value, "protected");
            case "os_hidden" -> image.osHidden = ImageAttributes.bool(value, "os_hidden");
            case "min_disk" -> image.minDisk = ImageAttributes.nonNegative(value, "min_disk");
            case "min_ram" -> image.minRam = ImageAttributes.nonNegative(value, "min_ram");
            case "tags" -> image.tags = String.join(",", ImageAttributes.tags(value));
            case "disk_format" -> {
                queuedOnly(image, attribute);
                image.diskFormat = ImageAttributes.diskFormat(value);
            }
            case "container_format" -> {
                queuedOnly(image, attribute);
                image.containerFormat = ImageAttributes.containerFormat(value);
            }
            default -> throw new InvalidInput("Unknown attribute '" + attribute + "'.");
        }
    }

    /**
     * One element of the tag list, as JSON-patch libraries address it when they diff two lists
     * (openstacksdk's jsonpatch.make_patch): {@code /tags/-} or {@code /tags/<index>}.
     */
    private static void tagElement(Image image, String kind, String path, JsonNode value) {
        List<String> tags = new ArrayList<>(ImageView.tags(image));
        String index = path.substring("/tags/".length());
        int at;
        if (index.equals("-") && kind.equals("add")) {
            at = tags.size();
        } else {
            try {
                at = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                throw new InvalidInput("Invalid JSON pointer for this resource: '" + path + "'.");
            }
            int max = kind.equals("add") ? tags.size() : tags.size() - 1;
            if (at < 0 || at > max) {
                throw new Conflict("Tag index " + at + " is out of range.");
            }
        }
        switch (kind) {
            case "remove" -> tags.remove(at);
            case "replace" -> tags.set(at, ImageAttributes.tag(value == null || !value.isTextual() ? null : value.textValue()));
            default -> {
                String tag = ImageAttributes.tag(value == null || !value.isTextual() ? null : value.textValue());
                if (!tags.contains(tag)) {
                    tags.add(at, tag);
                }
            }
        }
        image.tags = String.join(",", new LinkedHashSet<>(tags));
    }

    private static void queuedOnly(Image image, String attribute) {
        if (!"queued".equals(image.status)) {
            throw new Forbidden("Attribute " + attribute + " can be only replaced for a queued image.");
        }
    }

    /** The attribute a JSON pointer names: one segment, with RFC 6901's ~1 and ~0 escapes undone. */
    static String attribute(JsonNode path) {
        if (path == null || !path.isTextual() || !path.textValue().startsWith("/") || path.textValue().length() < 2) {
            throw new InvalidInput("Invalid JSON pointer for this resource: '"
                    + (path == null ? "" : path.asText()) + "'.");
        }
        String raw = path.textValue().substring(1);
        if (raw.contains("/")) {
            throw new InvalidInput("Nested paths are not allowed: '" + path.textValue() + "'.");
        }
        if (raw.matches(".*~(?![01]).*")) {
            throw new InvalidInput("Invalid JSON pointer escape in '" + path.textValue() + "'.");
        }
        return raw.replace("~1", "/").replace("~0", "~");
    }
}
