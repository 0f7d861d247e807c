package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.metadata.Metadata;
import java.util.Map;
import java.util.UUID;

/** Validated bodies of volume requests (Cinder's JSON-schema checks, with its messages' gist). */
public final class VolumeRequest {
    private VolumeRequest() {
    }

    /** A volume create: {@code {"volume": {"size": 10, "name": ..., ...}}}. */
    public record Create(Integer size, String name, String description, Map<String, String> metadata,
                         String volumeType, String availabilityZone, UUID imageId, UUID snapshotId, UUID sourceVolid) {

        public static Create of(JsonNode v) {
            UUID image = uuid(v.hasNonNull("imageRef") ? v.get("imageRef") : v.get("image_id"), "imageRef");
            UUID snapshot = uuid(v.get("snapshot_id"), "snapshot_id");
            UUID source = uuid(v.get("source_volid"), "source_volid");
            Integer size = v.hasNonNull("size") ? VolumeRequest.size(v.get("size"), "size") : null;
            if (size == null && snapshot == null && source == null) {
                throw new InvalidInput("Invalid input received: size is required unless the volume is created"
                        + " from a snapshot or another volume.");
            }
            String name = text(v.hasNonNull("name") ? v.get("name") : v.get("display_name"), "name");
            String description = text(v.hasNonNull("description") ? v.get("description") : v.get("display_description"),
                    "description");
            return new Create(size, name, description, Metadata.of(v.get("metadata")),
                    text(v.get("volume_type"), "volume_type"), text(v.get("availability_zone"), "availability_zone"),
                    image, snapshot, source);
        }
    }

    /** A positive whole number of GiB. */
    public static int size(JsonNode n, String field) {
        long value;
        if (n.isIntegralNumber()) {
            value = n.asLong();
        } else if (n.isTextual() && n.asText().trim().matches("-?[0-9]{1,10}")) {
            value = Long.parseLong(n.asText().trim());
        } else {
            throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: " + n
                    + ". It must be an integer.");
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: " + n
                    + ". It must be an integer greater than 0.");
        }
        return (int) value;
    }

    public static String text(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > 255) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ": it must be a string of at most 255 characters.");
        }
        return n.asText();
    }

    public static UUID uuid(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(n.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ": '" + n.asText() + "' is not a UUID.");
        }
    }
}
