package io.strato.network.subnetpools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subnet pool in Neutron's JSON. {@code address_scope_id} is always null: Strato has no address scopes. */
public record SubnetPoolView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("ip_version") int ipVersion,
        @JsonProperty("prefixes") List<String> prefixes,
        @JsonProperty("default_prefixlen") int defaultPrefixlen,
        @JsonProperty("min_prefixlen") int minPrefixlen,
        @JsonProperty("max_prefixlen") int maxPrefixlen,
        @JsonProperty("default_quota") Integer defaultQuota,
        @JsonProperty("shared") boolean shared,
        @JsonProperty("is_default") boolean isDefault,
        @JsonProperty("address_scope_id") String addressScopeId,
        @JsonUnwrapped StandardAttributes standard) {

    public static SubnetPoolView of(SubnetPool p) {
        return new SubnetPoolView(p.id.toString(), p.name, p.ipVersion, p.prefixes, p.defaultPrefixlen, p.minPrefixlen,
                p.maxPrefixlen, p.defaultQuota, p.shared, p.isDefault, null,
                StandardAttributes.of(p.projectId, p.description, p.tags, p.createdAt, p.updatedAt, p.revisionNumber));
    }

    /** {@code {"subnetpool": {...}}} */
    @Schema(name = "SubnetPoolResponse")
    public record One(@JsonProperty("subnetpool") SubnetPoolView subnetpool) {
    }

    /** {@code {"subnetpools": [...], "subnetpools_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "SubnetPoolListResponse")
    public record Many(@JsonProperty("subnetpools") List<SubnetPoolView> subnetpools,
                       @JsonProperty("subnetpools_links") @JsonInclude(JsonInclude.Include.NON_NULL)
                       List<Link> subnetpoolsLinks) {
    }
}
