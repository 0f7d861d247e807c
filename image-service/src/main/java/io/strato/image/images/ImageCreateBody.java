package io.strato.image.images;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2/images}: the attributes a caller may set, and every other key a free-form
 * string property (a read-only attribute among them is refused). The values stay JSON so that
 * {@link ImageRequest.Create} answers a bad one with Glance's message, not the JSON parser's.
 */
@Schema(name = "ImageCreate", additionalProperties = String.class,
        description = "Writable image attributes; every other top-level key is a free-form string property.")
public record ImageCreateBody(
        @Schema(implementation = String.class, format = "uuid") JsonNode id,
        @Schema(implementation = String.class, maxLength = 255, nullable = true) JsonNode name,
        @Schema(implementation = String.class, maxLength = 64) JsonNode owner,
        @Schema(implementation = String.class, enumeration = {"public", "private", "shared", "community"})
        JsonNode visibility,
        @JsonProperty("protected") @Schema(implementation = Boolean.class) JsonNode isProtected,
        @Schema(implementation = Boolean.class) JsonNode osHidden,
        @Schema(implementation = String.class, nullable = true) JsonNode diskFormat,
        @Schema(implementation = String.class, nullable = true) JsonNode containerFormat,
        @Schema(implementation = Integer.class, minimum = "0") JsonNode minDisk,
        @Schema(implementation = Integer.class, minimum = "0") JsonNode minRam,
        @Schema(implementation = String[].class) JsonNode tags,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> properties) {

    public ImageCreateBody {
        properties = properties == null ? new LinkedHashMap<>() : properties;
    }
}
