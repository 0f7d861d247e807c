package io.strato.compute.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's {@code GET /limits} at 2.1: no rate limits, and the absolute ones with the legacy names Nova keeps. */
@Schema(name = "Limits")
public record LimitsView(@JsonProperty("limits") Limits limits) {

    @Schema(name = "LimitsBody")
    public record Limits(@JsonProperty("rate") List<Object> rate, @JsonProperty("absolute") Absolute absolute) {
    }

    /** The absolute limits and use, the legacy ones included (image meta, personality, nova-network's). */
    @Schema(name = "AbsoluteLimits")
    public record Absolute(
            @JsonProperty("maxServerMeta") Integer maxServerMeta,
            @JsonProperty("maxImageMeta") Integer maxImageMeta,
            @JsonProperty("maxPersonality") Integer maxPersonality,
            @JsonProperty("maxPersonalitySize") Integer maxPersonalitySize,
            @JsonProperty("maxTotalKeypairs") Integer maxTotalKeypairs,
            @JsonProperty("maxTotalInstances") Integer maxTotalInstances,
            @JsonProperty("maxTotalCores") Integer maxTotalCores,
            @JsonProperty("maxTotalRAMSize") Integer maxTotalRamSize,
            @JsonProperty("maxServerGroups") Integer maxServerGroups,
            @JsonProperty("maxServerGroupMembers") Integer maxServerGroupMembers,
            @JsonProperty("totalInstancesUsed") long totalInstancesUsed,
            @JsonProperty("totalCoresUsed") long totalCoresUsed,
            @JsonProperty("totalRAMUsed") long totalRamUsed,
            @JsonProperty("totalServerGroupsUsed") long totalServerGroupsUsed,
            @JsonProperty("maxSecurityGroups") Integer maxSecurityGroups,
            @JsonProperty("maxSecurityGroupRules") Integer maxSecurityGroupRules,
            @JsonProperty("maxTotalFloatingIps") Integer maxTotalFloatingIps,
            @JsonProperty("totalSecurityGroupsUsed") int totalSecurityGroupsUsed,
            @JsonProperty("totalFloatingIpsUsed") int totalFloatingIpsUsed) {
    }

    static LimitsView of(QuotaSetService.Usage u) {
        Map<String, Integer> l = u.limits();
        return new LimitsView(new Limits(List.of(), new Absolute(
                l.get(QuotaResources.METADATA_ITEMS),
                l.get(QuotaResources.METADATA_ITEMS),
                l.get("injected_files"),
                l.get("injected_file_content_bytes"),
                l.get(QuotaResources.KEY_PAIRS),
                l.get(QuotaResources.INSTANCES),
                l.get(QuotaResources.CORES),
                l.get(QuotaResources.RAM),
                l.get(QuotaResources.SERVER_GROUPS),
                l.get(QuotaResources.SERVER_GROUP_MEMBERS),
                u.used(QuotaResources.INSTANCES),
                u.used(QuotaResources.CORES),
                u.used(QuotaResources.RAM),
                u.used(QuotaResources.SERVER_GROUPS),
                l.get("security_groups"),
                l.get("security_group_rules"),
                l.get("floating_ips"),
                0,
                0)));
    }
}
