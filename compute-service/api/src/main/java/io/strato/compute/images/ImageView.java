package io.strato.compute.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Link;
import io.strato.compute.clients.Images;
import io.strato.kit.web.Booleans;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a Glance image (nova/api/openstack/compute/views/images.py): Glance's lower-case status as
 * ACTIVE/SAVING/DELETED/ERROR/UNKNOWN with a progress, the free-form properties as {@code metadata}, the server
 * an image was taken of ({@code instance_uuid}), times to the second with a Z.
 */
@ApplicationScoped
public class ImageView {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATUS = Map.of("active", "ACTIVE", "queued", "SAVING", "saving", "SAVING",
            "importing", "SAVING", "uploading", "SAVING", "deleted", "DELETED", "pending_delete", "DELETED", "killed", "ERROR",
            "deactivated", "ERROR");
    private static final Map<String, Integer> PROGRESS = Map.of("queued", 25, "saving", 50, "active", 100);

    private final String publicUrl;
    private final String imageUrl;

    public ImageView(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute") String publicUrl,
                     @ConfigProperty(name = "strato.compute.image-url", defaultValue = "http://127.0.0.1:9292") String imageUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.imageUrl = imageUrl.replaceAll("/+$", "");
    }

    /** A link of an image: self, bookmark, or the alternate (Glance's own URL, typed). */
    @Schema(name = "ImageLink")
    public record ImageLink(@JsonProperty("rel") String rel, @JsonProperty("href") String href,
                            @JsonProperty("type") @JsonInclude(JsonInclude.Include.NON_NULL) String type) {
    }

    @Schema(name = "ImageBrief")
    public record Brief(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("links") List<ImageLink> links) {
    }

    @Schema(name = "Image")
    public record Detail(@JsonProperty("id") String id, @JsonProperty("name") String name,
                         @JsonProperty("minRam") int minRam, @JsonProperty("minDisk") int minDisk,
                         @JsonProperty("metadata") Map<String, String> metadata,
                         @JsonProperty("created") String created, @JsonProperty("updated") String updated,
                         @JsonProperty("status") String status, @JsonProperty("progress") int progress,
                         @JsonProperty("OS-EXT-IMG-SIZE:size") Long size,
                         @JsonProperty("links") List<ImageLink> links,
                         @JsonProperty("server") @JsonInclude(JsonInclude.Include.NON_NULL) ServerRef server,
                         @JsonProperty("OS-DCF:diskConfig") @JsonInclude(JsonInclude.Include.NON_NULL) String diskConfig) {
    }

    /** The server an image is a snapshot of. */
    @Schema(name = "ImageServer")
    public record ServerRef(@JsonProperty("id") String id, @JsonProperty("links") List<Link> links) {
    }

    @Schema(name = "ImageOne")
    public record One(@JsonProperty("image") Detail image) {
    }

    @Schema(name = "ImageMany")
    public record Many(@JsonProperty("images") List<Brief> images,
                       @JsonProperty("images_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> imagesLinks) {
    }

    @Schema(name = "ImageDetailMany")
    public record DetailMany(@JsonProperty("images") List<Detail> images,
                             @JsonProperty("images_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> imagesLinks) {
    }

    Brief brief(JsonNode g) {
        String id = g.path("id").asText();
        return new Brief(id, text(g, "name"), links(id));
    }

    Detail detail(JsonNode g) {
        String id = g.path("id").asText();
        String status = g.path("status").asText("");
        Map<String, String> metadata = Images.properties(g);
        String instance = metadata.get("instance_uuid");
        ServerRef server = instance == null ? null : new ServerRef(instance, List.of(
                Link.self(publicUrl + "/v2.1/servers/" + instance), Link.bookmark(publicUrl + "/servers/" + instance)));
        String autoDisk = metadata.get("auto_disk_config");
        String diskConfig = autoDisk == null ? null : Booleans.parse(autoDisk).orElse(false) ? "AUTO" : "MANUAL";
        return new Detail(id, text(g, "name"), g.path("min_ram").asInt(0), g.path("min_disk").asInt(0), metadata,
                iso(g.path("created_at").asText(null)), iso(g.path("updated_at").asText(null)),
                STATUS.getOrDefault(status, "UNKNOWN"), PROGRESS.getOrDefault(status, 0),
                g.hasNonNull("size") ? g.get("size").asLong() : null, links(id), server, diskConfig);
    }

    private List<ImageLink> links(String id) {
        return List.of(new ImageLink("self", publicUrl + "/v2.1/images/" + id, null),
                new ImageLink("bookmark", publicUrl + "/images/" + id, null),
                new ImageLink("alternate", imageUrl + "/images/" + id, "application/vnd.openstack.image"));
    }

    /** Glance's time as Nova shows it (seconds, Z), or as sent when it does not parse. */
    static String iso(String glanceTime) {
        Instant t = instant(glanceTime);
        return t == null ? glanceTime : ISO.format(t);
    }

    /** An ISO 8601 time with or without a zone (UTC then), or null. */
    static Instant instant(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String text(JsonNode g, String key) {
        return g.hasNonNull(key) ? g.get(key).asText() : null;
    }
}
