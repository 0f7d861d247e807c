package io.strato.compute.quotas;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v2.1/os-quota-sets/{project}}, {@code {"quota_set": {"instances": 20, ...}}}, as OpenAPI
 * publishes it. The limits stay JSON so that {@link QuotaSetService} answers a bad one with Nova's schema
 * message; members Nova does not know are kept for its {@code Additional properties are not allowed} 400.
 */
public record QuotaSetBody(
        @JsonProperty("quota_set") QuotaSetAttributes quotaSet,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** The limits to set (-1 is unlimited), by Nova's names at 2.1; {@code force} skips the in-use check. */
    public record QuotaSetAttributes(
            @JsonProperty("instances") @Schema(implementation = Integer.class) JsonNode instances,
            @JsonProperty("cores") @Schema(implementation = Integer.class) JsonNode cores,
            @JsonProperty("ram") @Schema(implementation = Integer.class) JsonNode ram,
            @JsonProperty("metadata_items") @Schema(implementation = Integer.class) JsonNode metadataItems,
            @JsonProperty("key_pairs") @Schema(implementation = Integer.class) JsonNode keyPairs,
            @JsonProperty("server_groups") @Schema(implementation = Integer.class) JsonNode serverGroups,
            @JsonProperty("server_group_members") @Schema(implementation = Integer.class) JsonNode serverGroupMembers,
            @JsonProperty("injected_files") @Schema(implementation = Integer.class) JsonNode injectedFiles,
            @JsonProperty("injected_file_content_bytes") @Schema(implementation = Integer.class)
            JsonNode injectedFileContentBytes,
            @JsonProperty("injected_file_path_bytes") @Schema(implementation = Integer.class)
            JsonNode injectedFilePathBytes,
            @JsonProperty("floating_ips") @Schema(implementation = Integer.class) JsonNode floatingIps,
            @JsonProperty("fixed_ips") @Schema(implementation = Integer.class) JsonNode fixedIps,
            @JsonProperty("security_groups") @Schema(implementation = Integer.class) JsonNode securityGroups,
            @JsonProperty("security_group_rules") @Schema(implementation = Integer.class) JsonNode securityGroupRules,
            @JsonProperty("force") @Schema(implementation = Boolean.class) JsonNode force,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
