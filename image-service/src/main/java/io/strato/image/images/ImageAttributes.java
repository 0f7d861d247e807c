package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Glance's image attributes: which exist, which are read-only, and what values each accepts. */
public final class ImageAttributes {
    public static final List<String> DISK_FORMATS =
            List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop");
    public static final List<String> CONTAINER_FORMATS =
            List.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");
    public static final List<String> VISIBILITIES = List.of("public", "private", "shared", "community");
    public static final List<String> STATUSES = List.of("queued", "saving", "active", "killed", "deleted",
            "pending_delete", "deactivated", "uploading", "importing");

    /** Attributes only the service writes. */
    public static final Set<String> READ_ONLY = Set.of("id", "status", "checksum", "os_hash_algo", "os_hash_value",
            "size", "virtual_size", "created_at", "updated_at", "self", "file", "schema", "direct_url",
            "locations", "stores");
    /** Attributes a caller may set. */
    public static final Set<String> WRITABLE = Set.of("name", "visibility", "protected", "os_hidden", "min_disk",
            "min_ram", "disk_format", "container_format", "tags");

    private static final int MAX_TAGS = 128;

    private ImageAttributes() {
    }

    public static boolean isBase(String name) {
        return READ_ONLY.contains(name) || WRITABLE.contains(name);
    }

    public static Forbidden readOnly(String name) {
        return new Forbidden("Attribute '" + name + "' is read-only.");
    }

    public static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Invalid image id '" + raw + "': it must be a UUID.");
        }
    }

    public static String name(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = text(v, "name");
        if (s.length() > 255) {
            throw new InvalidInput("Invalid value for 'name': it is longer than 255 characters.");
        }
        return s;
    }

    public static String diskFormat(JsonNode v) {
        return oneOf(v, "disk_format", DISK_FORMATS, true);
    }

    public static String containerFormat(JsonNode v) {
        return oneOf(v, "container_format", CONTAINER_FORMATS, true);
    }

    public static String visibility(JsonNode v) {
        return oneOf(v, "visibility", VISIBILITIES, false);
    }

    public static boolean bool(JsonNode v, String field) {
        if (v == null || !v.isBoolean()) {
            throw new InvalidInput("Invalid value for '" + field + "': it must be a boolean.");
        }
        return v.booleanValue();
    }

    public static int nonNegative(JsonNode v, String field) {
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            throw new InvalidInput("Invalid value for '" + field + "': it must be an integer of at least 0.");
        }
        return v.intValue();
    }

    public static List<String> tags(JsonNode v) {
        if (v == null || !v.isArray()) {
            throw new InvalidInput("Invalid value for 'tags': it must be an array of strings.");
        }
        Set<String> tags = new LinkedHashSet<>();
        v.forEach(t -> tags.add(tag(t.isTextual() ? t.textValue() : null)));
        if (tags.size() > MAX_TAGS) {
            throw new io.strato.kit.faults.QuotaExceeded("An image may have at most " + MAX_TAGS + " tags.");
        }
        return new ArrayList<>(tags);
    }

    public static String tag(String t) {
        if (t == null || t.isEmpty() || t.length() > 255 || t.contains(",")) {
            throw new InvalidInput("Invalid tag '" + t + "': a tag is a string of 1 to 255 characters without commas.");
        }
        return t;
    }

    /** A project id as the owner of an image (the column holds 64 characters). */
    public static String owner(JsonNode v) {
        if (v == null || !v.isTextual() || v.textValue().isBlank() || v.textValue().length() > 64) {
            throw new InvalidInput("Invalid value for 'owner': a project id of at most 64 characters.");
        }
        return v.textValue();
    }

    /** A free-form property: Glance's schema allows strings only. */
    public static String property(String key, JsonNode v) {
        if (key.isEmpty() || key.length() > 255) {
            throw new InvalidInput("Invalid property name '" + key + "': 1 to 255 characters.");
        }
        if (key.startsWith("os_glance")) {
            throw new Forbidden("Attribute '" + key + "' is reserved.");
        }
        if (v == null || !v.isTextual()) {
            throw new InvalidInput("Invalid value for property '" + key + "': it must be a string.");
        }
        return v.textValue();
    }

    private static String text(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw new InvalidInput("Invalid value for '" + field + "': it must be a string.");
        }
        return v.textValue();
    }

    private static String oneOf(JsonNode v, String field, List<String> allowed, boolean nullable) {
        if (v == null || v.isNull()) {
            if (nullable) {
                return null;
            }
            throw new InvalidInput("Invalid value for '" + field + "': it must be one of " + allowed + ".");
        }
        if (!v.isTextual() || !allowed.contains(v.textValue())) {
            throw new InvalidInput("Invalid value '" + (v.isTextual() ? v.textValue() : v.toString()) + "' for '"
                    + field + "': it must be one of " + allowed + ".");
        }
        return v.textValue();
    }
}
