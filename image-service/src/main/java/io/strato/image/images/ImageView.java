package io.strato.image.images;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Glance's image JSON: the base attributes, links, and the free-form properties flattened beside them
 * (top-level keys of their own, as Glance writes them; no property can take a base attribute's name, since
 * {@link ImageAttributes} refuses those as properties). Every base attribute is written, null or not.
 */
@Schema(name = "Image", additionalProperties = String.class,
        description = "A Glance image; every other top-level key is a free-form string property.")
public record ImageView(String id, String name, String status, String visibility,
                        @JsonProperty("protected") boolean isProtected, boolean osHidden, String checksum,
                        String osHashAlgo, String osHashValue, String owner, Long size, Long virtualSize,
                        int minDisk, int minRam, String containerFormat, String diskFormat, String createdAt,
                        String updatedAt, List<String> tags, String self, String file, String schema,
                        @Schema(hidden = true) @JsonAnyGetter Map<String, String> properties) {
    static final String SCHEMA = "/v2/schemas/image";

    public static ImageView of(Image i) {
        return new ImageView(i.id.toString(), i.name, i.status, i.visibility, i.isProtected, i.osHidden, i.checksum,
                i.osHashAlgo, i.osHashValue, i.owner, i.size, i.virtualSize, i.minDisk, i.minRam, i.containerFormat,
                i.diskFormat, time(i.createdAt), time(i.updatedAt), tags(i), "/v2/images/" + i.id,
                "/v2/images/" + i.id + "/file", SCHEMA, i.properties == null ? Map.of() : i.properties);
    }

    public static List<String> tags(Image i) {
        return i.tags == null || i.tags.isEmpty() ? List.of() : Arrays.asList(i.tags.split(","));
    }

    /** Glance writes times to the second, as ISO 8601 with a Z. */
    public static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
