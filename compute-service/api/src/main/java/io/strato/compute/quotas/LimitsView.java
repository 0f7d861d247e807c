package io.strato.compute.quotas;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.strato.compute.api.Microversion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's {@code GET /limits}: no rate limits, and the absolute ones (the legacy names until their microversion). */
@Schema(name = "Limits")
public record LimitsView(@JsonProperty("limits") Limits limits) {

    @Schema(name = "LimitsBody")
    public record Limits(@JsonProperty("rate") List<Object> rate, @JsonProperty("absolute") Absolute absolute) {
    }

    /** The absolute limits and use, the legacy ones included (image meta, personality, nova-network's). */
    @Schema(name = "AbsoluteLimits")
    public record Absolute(
            @JsonProperty("maxServerMeta") Integer maxServerMeta,
            @JsonProperty("maxImageMeta") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxImageMeta,
            @JsonProperty("maxPersonality") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPersonality,
            @JsonProperty("maxPersonalitySize") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxPersonalitySize,
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
            @JsonProperty("maxSecurityGroups") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxSecurityGroups,
            @JsonProperty("maxSecurityGroupRules") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxSecurityGroupRules,
            @JsonProperty("maxTotalFloatingIps") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxTotalFloatingIps,
            @JsonProperty("totalSecurityGroupsUsed") @JsonInclude(JsonInclude.Include.NON_NULL) Integer totalSecurityGroupsUsed,
            @JsonProperty("totalFloatingIpsUsed") @JsonInclude(JsonInclude.Include.NON_NULL) Integer totalFloatingIpsUsed) {
    }

    /** At {@code version}: nova-network's go at 2.36, maxImageMeta at 2.39, the personality ones at 2.57. */
    static LimitsView of(QuotaSetService.Usage u, Microversion version) {
        Map<String, Integer> l = u.limits();
        boolean network = !version.atLeast(36);
        boolean personality = !version.atLeast(57);
        return new LimitsView(new Limits(List.of(), new Absolute(
                l.get(QuotaResources.METADATA_ITEMS),
                version.atLeast(39) ? null : l.get(QuotaResources.METADATA_ITEMS),
                personality ? l.get("injected_files") : null,
                personality ? l.get("injected_file_content_bytes") : null,
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
                network ? l.get("security_groups") : null,
                network ? l.get("security_group_rules") : null,
                network ? l.get("floating_ips") : null,
                network ? 0 : null,
                network ? 0 : null)));
    }
}
