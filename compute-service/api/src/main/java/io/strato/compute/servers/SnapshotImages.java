package io.strato.compute.servers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.compute.clients.Images;
import io.strato.compute.protocol.Commands;
import io.strato.kit.auth.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The image record of a server's snapshot or backup, as Nova's {@code compute_utils.create_image} makes it: what the
 * server's image left in its system metadata (min_ram, min_disk, the image's properties but the non-inheritable ones),
 * the owner names, {@code base_image_ref}, the libvirt driver's snapshot properties, then {@code instance_uuid},
 * {@code user_id}, {@code image_type} ({@code snapshot}, {@code backup}), and last the request's metadata, which wins
 * (but for a backup's {@code backup_type}). A snapshot has no disk or container format (the host sets them before it
 * uploads the data); a backup starts with its image's.
 */
public final class SnapshotImages {
    /** Nova's NON_INHERITABLE_IMAGE_PROPERTIES and the default non_inheritable_image_properties. */
    static final Set<String> NOT_INHERITED = Set.of("cinder_encryption_key_id", "cinder_encryption_key_deletion_policy",
            "img_signature", "img_signature_hash_method", "img_signature_key_type", "img_signature_certificate_uuid",
            "cache_in_nova", "bittorrent");
    /** Nova's NON_INHERITABLE_IMAGE_NAMESPACES: reserved for Glance's own use. */
    static final String GLANCE_NAMESPACE = "os_glance";

    static final String MIN_RAM = "image_min_ram";
    static final String MIN_DISK = "image_min_disk";
    static final String OWNER_USER_NAME = "owner_user_name";
    static final String OWNER_PROJECT_NAME = "owner_project_name";

    private SnapshotImages() {
    }

    /**
     * The system metadata a server keeps of its image and creator (Nova's {@code get_system_metadata_from_image}
     * for min_ram and min_disk, the latter at least the flavor's root disk), written at create and rebuild.
     */
    public static Map<String, String> systemMetadata(Map<String, String> before, Images.ImageInfo image,
                                                     Commands.Flavor flavor, Caller creator) {
        Map<String, String> m = new LinkedHashMap<>(before == null ? Map.of() : before);
        m.put(MIN_RAM, Integer.toString(image.minRamMb()));
        m.put(MIN_DISK, Integer.toString(Math.max(image.minDiskGb(), flavor == null ? 0 : flavor.rootGb())));
        if (creator != null) {
            putIfText(m, OWNER_USER_NAME, creator.userName());
            putIfText(m, OWNER_PROJECT_NAME, creator.projectName());
        }
        return m;
    }

    /**
     * Glance's create body of the snapshot ({@code imageType} {@code snapshot}) or backup ({@code backup}) named
     * {@code name} of {@code s}, taken by {@code caller}; {@code forced} (a backup's {@code backup_type}) wins over the
     * request's {@code metadata}, as Nova's backup sets it last.
     */
    static ObjectNode body(Server s, Caller caller, String name, Map<String, String> metadata, String imageType,
                           Map<String, String> forced) {
        Map<String, String> system = s.systemMetadata == null ? Map.of() : s.systemMetadata;
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> inherited = s.imageMeta == null || s.imageMeta.properties() == null ? Map.of()
                : s.imageMeta.properties();
        inherited.forEach((k, v) -> {
            if (v != null && !NOT_INHERITED.contains(k) && !k.startsWith(GLANCE_NAMESPACE)) {
                properties.put(k, v.length() > 255 ? v.substring(0, 255) : v); // system metadata keeps 255 characters
            }
        });
        if (s.imageId != null) {
            properties.put("base_image_ref", s.imageId.toString());
        }
        putIfText(properties, OWNER_USER_NAME, system.get(OWNER_USER_NAME));
        putIfText(properties, OWNER_PROJECT_NAME, system.get(OWNER_PROJECT_NAME));
        // what Nova's libvirt driver writes on the image it uploads
        properties.put("image_location", "snapshot");
        properties.put("image_state", "available");
        properties.put("owner_id", s.projectId);
        properties.put("instance_uuid", s.id.toString());
        properties.put("user_id", caller.userId());
        properties.put("image_type", imageType);
        boolean othersServer = caller.projectId() == null || !caller.projectId().equals(s.projectId);
        if (othersServer) {
            properties.put("instance_owner", s.projectId); // the image is shared with the server's project
        }
        properties.putAll(metadata);
        properties.putAll(forced);

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        properties.forEach(body::put);
        body.put("name", name);
        body.put("visibility", othersServer ? "shared" : "private");
        if (!"snapshot".equals(imageType) && s.imageMeta != null) {
            // Nova leaves out the formats of a snapshot only: a backup starts with its image's (the host sets its own)
            putIfText(body, "disk_format", s.imageMeta.diskFormat());
            putIfText(body, "container_format", s.imageMeta.containerFormat());
        }
        body.put("min_ram", integer(system.get(MIN_RAM), 0));
        body.put("min_disk", integer(system.get(MIN_DISK), s.flavor == null ? 0 : s.flavor.rootGb()));
        return body;
    }

    /** The container format the host gives the snapshot: the server's image's, else bare (Nova's libvirt driver). */
    static String containerFormat(Server s) {
        String f = s.imageMeta == null ? null : s.imageMeta.containerFormat();
        return f == null || f.isBlank() ? "bare" : f;
    }

    private static void putIfText(ObjectNode o, String key, String value) {
        if (value != null && !value.isBlank()) {
            o.put(key, value);
        }
    }

    private static void putIfText(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static int integer(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
