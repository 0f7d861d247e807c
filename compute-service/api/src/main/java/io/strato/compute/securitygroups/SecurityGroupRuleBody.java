package io.strato.compute.securitygroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-security-group-rules}: {@code {"security_group_rule": {"parent_group_id",
 * "group_id", "ip_protocol", "from_port", "to_port", "cidr"}}}. Values stay JSON for {@link RuleRequest}.
 */
public record SecurityGroupRuleBody(
        @JsonProperty("security_group_rule") Attributes securityGroupRule,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    @Schema(name = "ComputeSecurityGroupRuleAttributes")
    public record Attributes(
            @JsonProperty("parent_group_id") @Schema(implementation = String.class, required = true) JsonNode parentGroupId,
            @JsonProperty("group_id") @Schema(implementation = String.class) JsonNode groupId,
            @JsonProperty("ip_protocol") @Schema(implementation = String.class) JsonNode ipProtocol,
            @JsonProperty("from_port") @Schema(implementation = Integer.class) JsonNode fromPort,
            @JsonProperty("to_port") @Schema(implementation = Integer.class) JsonNode toPort,
            @JsonProperty("cidr") @Schema(implementation = String.class) JsonNode cidr,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
