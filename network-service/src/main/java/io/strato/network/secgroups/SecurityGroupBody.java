package io.strato.network.secgroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/security-groups}, {@code {"security_group": {...}}}, as OpenAPI
 * publishes it. The values stay JSON so that {@link GroupRequest} answers a wrong type with Neutron's own
 * message; attributes the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by
 * {@code BodyRecords}).
 */
public record SecurityGroupBody(@JsonProperty("security_group") SecurityGroupAttributes securityGroup) {

    /**
     * The attributes of a security group body (snake_case on the wire); update accepts name, description and
     * stateful.
     */
    public record SecurityGroupAttributes(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("stateful") JsonNode stateful,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
