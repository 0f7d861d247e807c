package io.strato.network.secgroups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A security group rule in Neutron's JSON; rules are not taggable, so they have no {@code tags}. */
public record SecurityGroupRuleView(
        @JsonProperty("id") String id,
        @JsonProperty("security_group_id") String securityGroupId,
        @JsonProperty("direction") String direction,
        @JsonProperty("ethertype") String ethertype,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("port_range_min") Integer portRangeMin,
        @JsonProperty("port_range_max") Integer portRangeMax,
        @JsonProperty("remote_ip_prefix") String remoteIpPrefix,
        @JsonProperty("normalized_cidr") String normalizedCidr,
        @JsonProperty("remote_group_id") String remoteGroupId,
        @JsonProperty("remote_address_group_id") String remoteAddressGroupId,
        @JsonProperty("belongs_to_default_sg") boolean belongsToDefaultSg,
        @JsonUnwrapped StandardAttributes standard) {

    static SecurityGroupRuleView of(SecurityGroupRule r, boolean belongsToDefaultGroup) {
        return new SecurityGroupRuleView(r.id.toString(), r.securityGroupId.toString(), r.direction, r.ethertype,
                r.protocol, r.portRangeMin, r.portRangeMax, r.remoteIpPrefix,
                r.remoteIpPrefix == null ? null : RemotePrefix.parse(r.remoteIpPrefix).network(),
                r.remoteGroupId == null ? null : r.remoteGroupId.toString(), null, belongsToDefaultGroup,
                StandardAttributes.untagged(r.projectId, r.description, r.createdAt, r.updatedAt, r.revisionNumber));
    }

    /** {@code {"security_group_rule": {...}}} */
    @Schema(name = "SecurityGroupRuleResponse")
    public record One(@JsonProperty("security_group_rule") SecurityGroupRuleView securityGroupRule) {
    }

    /** {@code {"security_group_rules": [...], "security_group_rules_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "SecurityGroupRuleListResponse")
    public record Many(@JsonProperty("security_group_rules") List<SecurityGroupRuleView> securityGroupRules,
                       @JsonProperty("security_group_rules_links") @JsonInclude(JsonInclude.Include.NON_NULL)
                       List<Link> securityGroupRulesLinks) {
    }
}
