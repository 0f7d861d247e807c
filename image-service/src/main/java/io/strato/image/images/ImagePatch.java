package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.ApiException;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The subset of JSON patch Glance accepts on an image: add, replace and remove of one attribute or property
 * per operation, addressed as {@code /name}. Glance takes two media types for it: {@code
 * application/openstack-images-v2.1-json-patch} (RFC 6902's {@code {"op": "add", "path": "/x", "value": ...}})
 * and {@code application/openstack-images-v2.0-json-patch} (the older draft 4: {@code {"add": "/x", "value": ...}},
 * where adding something that is already there is a 409), which Tempest's client sends. Read-only attributes
 * are a 403, malformed operations a 400, as Glance answers.
 */
public final class ImagePatch {
    private static final List<String> OPERATIONS = List.of("add", "remove", "replace");

    private ImagePatch() {
    }

    /** Which JSON patch draft a request's media type speaks. */
    public enum Draft {
        /** {@code application/openstack-images-v2.0-json-patch}: the operation is the member's name. */
        DRAFT_4("application/openstack-images-v2.0-json-patch"),
        /** {@code application/openstack-images-v2.1-json-patch}: RFC 6902's op and path members. */
        DRAFT_10("application/openstack-images-v2.1-json-patch");

        /** Both media types, as Glance lists them in its 415 and its Accept-Patch header. */
        public static final String ACCEPTED = DRAFT_4.mediaType + ", " + DRAFT_10.mediaType;

        public final String mediaType;

        Draft(String mediaType) {
            this.mediaType = mediaType;
        }

        /** The draft of a Content-Type header (parameters such as a charset aside), or Glance's 415. */
        public static Draft of(String contentType) {
            String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            for (Draft d : values()) {
                if (d.mediaType.equals(type)) {
                    return d;
                }
            }
            throw new UnsupportedPatchType();
        }
    }

    /** Glance's 415 for a PATCH in any other media type; the fault carries {@code Accept-Patch}. */
    public static final class UnsupportedPatchType extends ApiException {
        UnsupportedPatchType() {
            super(415, "Image PATCH expects Content-Type one of: " + Draft.ACCEPTED);
        }
    }

    /** {@link #apply(Image, JsonNode, Draft, boolean)} for a caller who is not an admin. */
    public static void apply(Image image, JsonNode ops, Draft draft) {
        apply(image, ops, draft, false);
    }

    /**
     * Applies every operation to the image, or fails with nothing applied that matters (the caller rolls back).
     * Only an admin may give the image another owner, as Glance's {@code _do_replace} decides.
     */
    public static void apply(Image image, JsonNode ops, Draft draft, boolean admin) {
        if (ops == null || !ops.isArray()) {
            throw new InvalidInput("Request body must be a JSON array of operation objects.");
        }
        for (JsonNode op : ops) {
            applyOne(image, op, draft, admin);
        }
    }

    /** The operation and its path, read as the draft says. */
    private record Operation(String kind, JsonNode path) {
    }

    private static Operation operation(JsonNode op, Draft draft) {
        if (draft == Draft.DRAFT_4) {
            String kind = null;
            for (String name : OPERATIONS) {
                if (op.has(name)) {
                    if (kind != null) {
                        throw new InvalidInput("Operation objects must contain only one member named \"add\", "
                                + "\"remove\", or \"replace\".");
                    }
                    kind = name;
                }
            }
            if (kind == null) {
                throw new InvalidInput("Operation objects must contain exactly one member named \"add\", "
                        + "\"remove\", or \"replace\".");
            }
            return new Operation(kind, op.get(kind));
        }
        JsonNode kind = op.get("op");
        if (kind == null || kind.isNull()) {
            throw new InvalidInput("Unable to find `op` in JSON Schema change. It must be one of the following: "
                    + String.join(", ", OPERATIONS) + ".");
        }
        if (!kind.isTextual() || !OPERATIONS.contains(kind.textValue())) {
            throw new InvalidInput("Invalid operation: `" + kind.asText() + "`. It must be one of the following: "
                    + String.join(", ", OPERATIONS) + ".");
        }
        if (!op.has("path")) {
            throw new InvalidInput("Unable to find 'path' in JSON Schema change");
        }
        return new Operation(kind.textValue(), op.get("path"));
    }

    private static void applyOne(Image image, JsonNode op, Draft draft, boolean admin) {
        if (!op.isObject()) {
            throw new InvalidInput("Operations must be JSON objects.");
        }
        Operation operation = operation(op, draft);
        String kind = operation.kind();
        JsonNode value = op.get("value");
        if (operation.path().isTextual() && operation.path().textValue().startsWith("/tags/")) {
            tagElement(image, kind, operation.path().textValue(), value);
            return;
        }
        String attribute = attribute(operation.path());
        if (!kind.equals("remove") && value == null) {
            throw new InvalidInput("Operation \"" + kind + "\" requires a member named \"value\".");
        }
        if (ImageAttributes.READ_ONLY.contains(attribute)) {
            throw ImageAttributes.readOnly(attribute);
        }
        if (attribute.equals("owner")) {
            owner(image, kind, draft, value, admin);
            return;
        }
        Map<String, String> props = image.properties == null ? new HashMap<>() : new HashMap<>(image.properties);
        if (draft == Draft.DRAFT_4 && kind.equals("add")
                && (ImageAttributes.WRITABLE.contains(attribute) || props.containsKey(attribute))) {
            // draft 4's add only adds: Glance's _do_add answers 409 for an attribute or a property already there
            throw new Conflict("Property " + attribute + " already present.");
        }
        if (ImageAttributes.WRITABLE.contains(attribute)) {
            if (kind.equals("remove")) {
                throw new Forbidden("Property " + attribute + " may not be removed.");
            }
            setBase(image, attribute, value);
            return;
        }
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

    /** The owner is an attribute every image has: it is replaced (by an admin), never removed. */
    private static void owner(Image image, String kind, Draft draft, JsonNode value, boolean admin) {
        if (kind.equals("remove")) {
            throw new Forbidden("Property owner may not be removed.");
        }
        if (draft == Draft.DRAFT_4 && kind.equals("add")) {
            throw new Conflict("Property owner already present.");
        }
        if (!admin) {
            throw new Forbidden("Owner can't be updated by non admin.");
        }
        image.owner = ImageAttributes.owner(value);
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
