package io.strato.network.subnetpools;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /v2.0/subnetpools}, {@code {"subnetpool": {...}}}, as OpenAPI publishes
 * it. The values stay JSON so that {@link SubnetPoolRequest} answers a wrong type with Neutron's own message;
 * attributes the API does not know are kept for its {@code Unrecognized attribute(s)} 400.
 */
public record SubnetPoolBody(@JsonProperty("subnetpool") SubnetPoolAttributes subnetpool) {

    /**
     * The attributes of a subnet pool body; update accepts all but shared, project_id, tenant_id and tags.
     */
    public record SubnetPoolAttributes(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("prefixes") JsonNode prefixes,
            @JsonProperty("default_prefixlen") JsonNode defaultPrefixlen,
            @JsonProperty("min_prefixlen") JsonNode minPrefixlen,
            @JsonProperty("max_prefixlen") JsonNode maxPrefixlen,
            @JsonProperty("default_quota") JsonNode defaultQuota,
            @JsonProperty("shared") JsonNode shared,
            @JsonProperty("is_default") JsonNode isDefault,
            @JsonProperty("address_scope_id") JsonNode addressScopeId,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonProperty("tags") JsonNode tags,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
