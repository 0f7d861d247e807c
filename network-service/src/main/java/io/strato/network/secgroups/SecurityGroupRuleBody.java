package io.strato.network.secgroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.0/security-group-rules}, {@code {"security_group_rule": {...}}}, as OpenAPI
 * publishes it. The values stay JSON so that {@link RuleRequest} answers a wrong type with Neutron's own
 * message; attributes the API does not know are kept for its {@code Unrecognized attribute(s)} 400 (read by
 * {@code BodyRecords}).
 */
public record SecurityGroupRuleBody(@JsonProperty("security_group_rule") SecurityGroupRuleAttributes rule) {

    /** The attributes of a security group rule body (snake_case on the wire). */
    public record SecurityGroupRuleAttributes(
            @JsonProperty("security_group_id") JsonNode securityGroupId,
            @JsonProperty("direction") JsonNode direction,
            @JsonProperty("ethertype") JsonNode ethertype,
            @JsonProperty("protocol") JsonNode protocol,
            @JsonProperty("port_range_min") JsonNode portRangeMin,
            @JsonProperty("port_range_max") JsonNode portRangeMax,
            @JsonProperty("remote_ip_prefix") JsonNode remoteIpPrefix,
            @JsonProperty("remote_group_id") JsonNode remoteGroupId,
            @JsonProperty("remote_address_group_id") JsonNode remoteAddressGroupId,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("project_id") JsonNode projectId,
            @JsonProperty("tenant_id") JsonNode tenantId,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
