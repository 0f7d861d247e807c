package io.strato.network.quotas;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.0/quotas/{project}}, {@code {"quota": {"network": 5, ...}}}, as OpenAPI publishes
 * it. The values stay JSON so that {@link QuotaService} answers a bad limit with Neutron's own message; resources
 * the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by {@code BodyRecords}).
 */
public record QuotaBody(@JsonProperty("quota") QuotaAttributes quota) {

    /** The limits to set, by Neutron's resource names; -1 is unlimited. */
    public record QuotaAttributes(
            @JsonProperty("network") JsonNode network,
            @JsonProperty("subnet") JsonNode subnet,
            @JsonProperty("port") JsonNode port,
            @JsonProperty("router") JsonNode router,
            @JsonProperty("floatingip") JsonNode floatingip,
            @JsonProperty("security_group") JsonNode securityGroup,
            @JsonProperty("security_group_rule") JsonNode securityGroupRule,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
