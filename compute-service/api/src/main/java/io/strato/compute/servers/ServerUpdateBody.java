package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.1/servers/{id}}, {@code {"server": {...}}}, as OpenAPI publishes it. The values stay
 * JSON so that {@link UpdateRequest} answers with Nova's schema messages; attributes Nova does not know are kept
 * for its {@code Additional properties are not allowed} 400.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerUpdateBody(@JsonProperty("server") ServerUpdateAttributes server) {

    /** What a server update may change (description from 2.19). */
    public record ServerUpdateAttributes(
            @JsonProperty("name") @Schema(implementation = String.class) JsonNode name,
            @JsonProperty("accessIPv4") @Schema(implementation = String.class, format = "ipv4") JsonNode accessIpv4,
            @JsonProperty("accessIPv6") @Schema(implementation = String.class, format = "ipv6") JsonNode accessIpv6,
            @JsonProperty("description") @Schema(implementation = String.class, nullable = true,
                    description = "2.19") JsonNode description,
            @JsonProperty("OS-DCF:diskConfig") @Schema(implementation = String.class, enumeration = {"AUTO", "MANUAL"})
            JsonNode diskConfig,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
