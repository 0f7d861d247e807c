package io.strato.volume.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Ids;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.metadata.Metadata;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bodies of volume requests as bound (typed, so /q/openapi describes them) and validated (Cinder's JSON-schema
 * checks, with its messages' gist). Fields Cinder accepts in several JSON types (a size as a number or a numeric
 * string) or rejects with its own message (a name that is no string) stay {@link JsonNode}: a JSON null arrives as
 * a NullNode, an absent field as null.
 */
public final class VolumeRequest {
    private VolumeRequest() {
    }

    /** {@code POST /volumes}: {@code {"volume": {...}}}. */
    public record CreateBody(@JsonProperty("volume") CreateFields volume) {
    }

    /** The fields of a volume create Strato reads (Cinder's others are accepted and ignored). */
    public record CreateFields(
            @JsonProperty("size") JsonNode size,
            @JsonProperty("name") JsonNode name,
            @JsonProperty("display_name") JsonNode displayName,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("display_description") JsonNode displayDescription,
            @JsonProperty("metadata") JsonNode metadata,
            @JsonProperty("volume_type") JsonNode volumeType,
            @JsonProperty("availability_zone") JsonNode availabilityZone,
            @JsonProperty("imageRef") JsonNode imageRef,
            @JsonProperty("image_id") JsonNode imageId,
            @JsonProperty("snapshot_id") JsonNode snapshotId,
            @JsonProperty("source_volid") JsonNode sourceVolid,
            @JsonProperty("group_id") JsonNode groupId) {
    }

    /** {@code PUT /volumes/{id}}: {@code {"volume": {...}}}. */
    public record UpdateBody(@JsonProperty("volume") UpdateFields volume) {
    }

    /** What a volume update may change; a field given as null clears it, an absent one is left alone. */
    public record UpdateFields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("display_name") JsonNode displayName,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("display_description") JsonNode displayDescription,
            @JsonProperty("metadata") JsonNode metadata) {
    }

    /** See {@link RequestBodies#unwrap}. */
    public static <B, T> T unwrap(B body, Function<B, T> wrapped, String key) {
        return RequestBodies.unwrap(body, wrapped, key);
    }

    private static boolean given(JsonNode n) {
        return n != null && !n.isNull();
    }

    /** A volume create: {@code {"volume": {"size": 10, "name": ..., ...}}}. */
    public record Create(Integer size, String name, String description, Map<String, String> metadata,
                         String volumeType, String availabilityZone, UUID imageId, UUID snapshotId, UUID sourceVolid,
                         UUID groupId) {

        public static Create of(CreateFields v) {
            UUID image = uuid(given(v.imageRef()) ? v.imageRef() : v.imageId(), "imageRef");
            UUID snapshot = uuid(v.snapshotId(), "snapshot_id");
            UUID source = uuid(v.sourceVolid(), "source_volid");
            Integer size = given(v.size()) ? VolumeRequest.size(v.size(), "size") : null;
            if (size == null && snapshot == null && source == null) {
                throw new InvalidInput("Invalid input received: size is required unless the volume is created"
                        + " from a snapshot or another volume.");
            }
            String name = text(given(v.name()) ? v.name() : v.displayName(), "name");
            String description = text(given(v.description()) ? v.description() : v.displayDescription(), "description");
            return new Create(size, name, description, Metadata.of(v.metadata()),
                    text(v.volumeType(), "volume_type"), text(v.availabilityZone(), "availability_zone"),
                    image, snapshot, source, uuid(v.groupId(), "group_id"));
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
        return Ids.parse(n.asText()).orElseThrow(() ->
                new InvalidInput("Invalid input for field/attribute " + field + ": '" + n.asText() + "' is not a UUID."));
    }
}
