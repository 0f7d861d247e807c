package io.strato.compute.securitygroups;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-security-groups} and {@code PUT .../{id}}, {@code {"security_group": {"name",
 * "description"}}}, as OpenAPI publishes it. Values stay JSON for {@link SecurityGroupRequest}'s Nova messages;
 * other members are kept and ignored, as Nova's schema allows them.
 */
public record SecurityGroupBody(
        @JsonProperty("security_group") Attributes securityGroup,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    @Schema(name = "ComputeSecurityGroupAttributes")
    public record Attributes(
            @JsonProperty("name") @Schema(implementation = String.class, required = true) JsonNode name,
            @JsonProperty("description") @Schema(implementation = String.class, required = true) JsonNode description,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
