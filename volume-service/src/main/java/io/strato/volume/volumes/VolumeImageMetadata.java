package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.volume.metadata.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cinder's image-metadata actions on a volume (os-set_image_metadata, os-unset_image_metadata,
 * os-show_image_metadata): its volume_glance_metadata, changed under the volume's row lock with its updated event.
 */
@ApplicationScoped
public class VolumeImageMetadata {
    /** Statuses in which Cinder refuses to change a volume's metadata. */
    private static final Set<String> FROZEN = Set.of("maintenance", VolumeStatus.UPLOADING);

    private final VolumeRecords records;

    public VolumeImageMetadata(VolumeRecords records) {
        this.records = records;
    }

    @WithSession
    public Uni<Map<String, String>> show(Caller caller, boolean admin, String id) {
        return records.visible(caller, admin, id).map(VolumeImageMetadata::of);
    }

    /** Adds or overwrites keys ({@code {"metadata": {...}}}); answers the whole image metadata. */
    @WithTransaction
    public Uni<Map<String, String>> set(Caller caller, boolean admin, String id, JsonNode args) {
        JsonNode given = args == null ? null : args.get("metadata");
        if (given == null || !given.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute os-set_image_metadata: metadata is required and must be an object.");
        }
        Map<String, String> add = Metadata.of(given);
        return records.locked(caller, admin, id).flatMap(v -> {
            checkStatus(v);
            Map<String, String> m = new HashMap<>(of(v));
            m.putAll(add);
            v.imageMetadata = m;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWith(of(v));
        });
    }

    /** Removes one key ({@code {"key": "..."}}); a key the volume does not have is a 404, as Cinder. */
    @WithTransaction
    public Uni<Void> unset(Caller caller, boolean admin, String id, JsonNode args) {
        JsonNode key = args == null ? null : args.get("key");
        if (key == null || !key.isTextual() || key.asText().isEmpty() || key.asText().length() > 255) {
            throw new InvalidInput("Invalid input for field/attribute os-unset_image_metadata: key must be a string of 1 to 255 characters.");
        }
        return records.locked(caller, admin, id).flatMap(v -> {
            checkStatus(v);
            Map<String, String> m = new HashMap<>(of(v));
            if (m.remove(key.asText()) == null) {
                throw new NotFound("Glance metadata for volume " + v.id + " with key " + key.asText() + " not found.");
            }
            v.imageMetadata = m;
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWithVoid();
        });
    }

    private static void checkStatus(Volume v) {
        if (FROZEN.contains(v.status)) {
            throw new InvalidInput("Invalid volume: The volume metadata cannot be updated when the volume is in "
                    + v.status + " status.");
        }
    }

    private static Map<String, String> of(Volume v) {
        Map<String, String> m = VolumeView.imageMetadata(v);
        return m == null ? new TreeMap<>() : new TreeMap<>(m);
    }
}
