package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the server metadata API, as OpenAPI publishes them. Values stay JSON so that the metadata rules
 * answer with Nova's schema messages; members Nova does not know are kept for its 400.
 */
public final class ServerMetadataBody {
    private ServerMetadataBody() {
    }

    /** {@code POST} and {@code PUT /servers/{id}/metadata}: {@code {"metadata": {key: value, ...}}}. */
    public record Items(
            @JsonProperty("metadata") @Schema(type = SchemaType.OBJECT, additionalProperties = String.class,
                    required = true) JsonNode metadata,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }

    /** {@code PUT /servers/{id}/metadata/{key}}: {@code {"meta": {key: value}}}, the URI's key alone. */
    public record Item(
            @JsonProperty("meta") @Schema(type = SchemaType.OBJECT, additionalProperties = String.class,
                    required = true) JsonNode meta,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
