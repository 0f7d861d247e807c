package io.strato.network.secgroups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A security group in Neutron's JSON, with its rules in full as Neutron shows {@code security_group_rules}. */
public record SecurityGroupView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("stateful") boolean stateful,
        @JsonProperty("shared") boolean shared,
        @JsonProperty("security_group_rules") List<SecurityGroupRuleView> securityGroupRules,
        @JsonUnwrapped StandardAttributes standard) {

    static SecurityGroupView of(SecurityGroup g, List<SecurityGroupRule> rules) {
        return new SecurityGroupView(g.id.toString(), g.name, g.stateful, false,
                rules.stream().map(r -> SecurityGroupRuleView.of(r, g.isDefault)).toList(),
                StandardAttributes.of(g.projectId, g.description, g.tags, g.createdAt, g.updatedAt, g.revisionNumber));
    }

    /** {@code {"security_group": {...}}} */
    @Schema(name = "SecurityGroupResponse")
    public record One(@JsonProperty("security_group") SecurityGroupView securityGroup) {
    }

    /** {@code {"security_groups": [...], "security_groups_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "SecurityGroupListResponse")
    public record Many(@JsonProperty("security_groups") List<SecurityGroupView> securityGroups,
                       @JsonProperty("security_groups_links") @JsonInclude(JsonInclude.Include.NON_NULL)
                       List<Link> securityGroupsLinks) {
    }
}
