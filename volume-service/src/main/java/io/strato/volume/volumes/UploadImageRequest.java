package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code os-volume_upload_image}, checked as Cinder's volume_upload_image schema does:
 * {@code image_name} (1 to 255 characters) required, {@code disk_format} (raw by default) and
 * {@code container_format} (bare by default) from Cinder's lists, {@code force} a boolean; {@code visibility}
 * and {@code protected} only from microversion 3.1 (before it, like any other key, "not allowed").
 */
public record UploadImageRequest(String imageName, String diskFormat, String containerFormat, boolean force,
                                 String visibility, Boolean isProtected) {
    static final Set<String> DISK_FORMATS = Set.of("raw", "vmdk", "vdi", "qcow2", "vhd", "vhdx", "ploop");
    static final Set<String> CONTAINER_FORMATS = Set.of("bare", "ovf", "ova", "ami", "aki", "ari", "docker", "compressed");
    static final Set<String> VISIBILITIES = Set.of("community", "public", "private", "shared");
    /** Microversion 3.1 (Cinder's UPLOAD_IMAGE_PARAMS): visibility and protected. */
    public static final int UPLOAD_IMAGE_PARAMS = 1;

    public static UploadImageRequest of(JsonNode args, boolean v31) {
        if (args == null || !args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute os-volume_upload_image: it must be an object.");
        }
        Set<String> allowed = v31 ? Set.of("image_name", "force", "disk_format", "container_format", "visibility", "protected")
                : Set.of("image_name", "force", "disk_format", "container_format");
        List<String> unexpected = new ArrayList<>();
        args.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                unexpected.add("'" + k + "'");
            }
        });
        if (!unexpected.isEmpty()) {
            throw new InvalidInput("Invalid input for field/attribute os-volume_upload_image. Additional properties are"
                    + " not allowed (" + String.join(", ", unexpected) + (unexpected.size() == 1 ? " was" : " were")
                    + " unexpected).");
        }
        JsonNode name = args.get("image_name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty() || name.textValue().length() > 255) {
            throw new InvalidInput("Invalid input for field/attribute image_name: it is required, a string of 1 to 255"
                    + " characters.");
        }
        String disk = oneOf(args.get("disk_format"), "disk_format", DISK_FORMATS, "raw");
        String container = oneOf(args.get("container_format"), "container_format", CONTAINER_FORMATS, "bare");
        boolean force = args.has("force") && Booleans.require(args.get("force"), "force");
        String visibility = v31 ? oneOf(args.get("visibility"), "visibility", VISIBILITIES, "private") : null;
        Boolean prot = v31 ? args.has("protected") && Booleans.require(args.get("protected"), "protected") : null;
        return new UploadImageRequest(name.textValue(), disk, container, force, visibility, prot);
    }

    /** What image-service is asked to create (Cinder's image_metadata). */
    Map<String, Object> imageMeta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", imageName);
        meta.put("disk_format", diskFormat);
        meta.put("container_format", containerFormat);
        if (visibility != null) {
            meta.put("visibility", visibility);
        }
        if (isProtected != null) {
            meta.put("protected", isProtected);
        }
        return meta;
    }

    private static String oneOf(JsonNode n, String field, Set<String> allowed, String absent) {
        if (n == null) {
            return absent;
        }
        if (!n.isTextual() || !allowed.contains(n.textValue())) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: " + n + ". It must be one of "
                    + allowed.stream().sorted().toList() + ".");
        }
        return n.textValue();
    }
}
