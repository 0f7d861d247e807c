package io.strato.compute.quotas;

import io.strato.compute.api.Microversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's {@code quota_set}: the project's id (not in an update's answer, as in Nova) and the limit of each
 * resource os-quota-sets shows at the request's microversion, in {@link QuotaResources#SHOWN}'s order.
 */
@Schema(name = "QuotaSet")
public record QuotaSetView(
        @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonProperty("instances") Integer instances,
        @JsonProperty("cores") Integer cores,
        @JsonProperty("ram") Integer ram,
        @JsonProperty("metadata_items") Integer metadataItems,
        @JsonProperty("key_pairs") Integer keyPairs,
        @JsonProperty("server_groups") Integer serverGroups,
        @JsonProperty("server_group_members") Integer serverGroupMembers,
        @JsonProperty("injected_files") @JsonInclude(JsonInclude.Include.NON_NULL) Integer injectedFiles,
        @JsonProperty("injected_file_content_bytes") @JsonInclude(JsonInclude.Include.NON_NULL) Integer injectedFileContentBytes,
        @JsonProperty("injected_file_path_bytes") @JsonInclude(JsonInclude.Include.NON_NULL) Integer injectedFilePathBytes,
        @JsonProperty("floating_ips") @JsonInclude(JsonInclude.Include.NON_NULL) Integer floatingIps,
        @JsonProperty("fixed_ips") @JsonInclude(JsonInclude.Include.NON_NULL) Integer fixedIps,
        @JsonProperty("security_groups") @JsonInclude(JsonInclude.Include.NON_NULL) Integer securityGroups,
        @JsonProperty("security_group_rules") @JsonInclude(JsonInclude.Include.NON_NULL) Integer securityGroupRules) {

    static QuotaSetView of(String id, Map<String, Integer> limits, Microversion version) {
        List<String> shown = QuotaResources.visibleAt(version);
        Function<String, Integer> l = r -> shown.contains(r) ? limits.get(r) : null;
        return new QuotaSetView(id, l.apply("instances"), l.apply("cores"), l.apply("ram"), l.apply("metadata_items"),
                l.apply("key_pairs"), l.apply("server_groups"), l.apply("server_group_members"),
                l.apply("injected_files"), l.apply("injected_file_content_bytes"), l.apply("injected_file_path_bytes"),
                l.apply("floating_ips"), l.apply("fixed_ips"), l.apply("security_groups"),
                l.apply("security_group_rules"));
    }

    /** {@code {"quota_set": {...}}}. */
    @Schema(name = "QuotaSetOne")
    public record One(@JsonProperty("quota_set") QuotaSetView quotaSet) {
    }

    /** A resource of {@code /detail}: its use and its limit (nothing is reserved at 2.1). */
    @Schema(name = "QuotaSetUsage")
    public record Usage(@JsonProperty("in_use") long inUse, @JsonProperty("limit") Integer limit,
                        @JsonProperty("reserved") int reserved) {
    }

    /** {@code /os-quota-sets/{project}/detail}: each resource's use and limit. */
    @Schema(name = "QuotaSetDetail")
    public record Detail(
            @JsonProperty("id") String id,
            @JsonProperty("instances") Usage instances,
            @JsonProperty("cores") Usage cores,
            @JsonProperty("ram") Usage ram,
            @JsonProperty("metadata_items") Usage metadataItems,
            @JsonProperty("key_pairs") Usage keyPairs,
            @JsonProperty("server_groups") Usage serverGroups,
            @JsonProperty("server_group_members") Usage serverGroupMembers,
            @JsonProperty("injected_files") @JsonInclude(JsonInclude.Include.NON_NULL) Usage injectedFiles,
            @JsonProperty("injected_file_content_bytes") @JsonInclude(JsonInclude.Include.NON_NULL) Usage injectedFileContentBytes,
            @JsonProperty("injected_file_path_bytes") @JsonInclude(JsonInclude.Include.NON_NULL) Usage injectedFilePathBytes,
            @JsonProperty("floating_ips") @JsonInclude(JsonInclude.Include.NON_NULL) Usage floatingIps,
            @JsonProperty("fixed_ips") @JsonInclude(JsonInclude.Include.NON_NULL) Usage fixedIps,
            @JsonProperty("security_groups") @JsonInclude(JsonInclude.Include.NON_NULL) Usage securityGroups,
            @JsonProperty("security_group_rules") @JsonInclude(JsonInclude.Include.NON_NULL) Usage securityGroupRules) {

        static Detail of(String id, QuotaSetService.Usage u, Microversion version) {
            List<String> shown = QuotaResources.visibleAt(version);
            Function<String, Usage> d = r -> shown.contains(r) ? new Usage(u.used(r), u.limits().get(r), 0) : null;
            return new Detail(id, d.apply("instances"), d.apply("cores"), d.apply("ram"), d.apply("metadata_items"),
                    d.apply("key_pairs"), d.apply("server_groups"), d.apply("server_group_members"),
                    d.apply("injected_files"), d.apply("injected_file_content_bytes"),
                    d.apply("injected_file_path_bytes"), d.apply("floating_ips"), d.apply("fixed_ips"),
                    d.apply("security_groups"), d.apply("security_group_rules"));
        }
    }

    @Schema(name = "QuotaSetDetailOne")
    public record DetailOne(@JsonProperty("quota_set") Detail quotaSet) {
    }
}
