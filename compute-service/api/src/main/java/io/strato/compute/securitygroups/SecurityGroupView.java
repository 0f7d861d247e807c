package io.strato.compute.securitygroups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Neutron security group in Nova's os-security-groups shape: its ingress rules only (Nova shows no egress),
 * each with {@code ip_range.cidr} (Neutron's remote prefix, {@code 0.0.0.0/0} when none) or, for a rule naming a
 * remote group, {@code group {name, tenant_id}}; a protocol rule without ports shows 1-65535 (TCP, UDP) or -1.
 */
@Schema(name = "ComputeSecurityGroup")
public record SecurityGroupView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("rules") List<Rule> rules) {

    /** A rule; {@code group} and {@code ip_range} are {@code {}} when they do not apply. */
    @Schema(name = "ComputeSecurityGroupRule")
    public record Rule(@JsonProperty("id") String id,
                       @JsonProperty("parent_group_id") String parentGroupId,
                       @JsonProperty("ip_protocol") String ipProtocol,
                       @JsonProperty("from_port") Integer fromPort,
                       @JsonProperty("to_port") Integer toPort,
                       @JsonProperty("group") GroupRef group,
                       @JsonProperty("ip_range") IpRange ipRange) {
    }

    /** The remote group of a rule. */
    @Schema(name = "ComputeSecurityGroupRuleGroup")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupRef(@JsonProperty("name") String name, @JsonProperty("tenant_id") String tenantId) {
        static final GroupRef NONE = new GroupRef(null, null);

        static GroupRef of(JsonNode neutronGroup) {
            return new GroupRef(neutronGroup.path("name").asText(null), projectOf(neutronGroup));
        }
    }

    @Schema(name = "ComputeSecurityGroupRuleRange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpRange(@JsonProperty("cidr") String cidr) {
        static final IpRange NONE = new IpRange(null);
    }

    /** {@code {"security_group": {...}}} */
    @Schema(name = "ComputeSecurityGroupOne")
    public record One(@JsonProperty("security_group") SecurityGroupView securityGroup) {
    }

    /** {@code {"security_groups": [...]}}, by project then name as Nova sorts them. */
    @Schema(name = "ComputeSecurityGroupMany")
    public record Many(@JsonProperty("security_groups") List<SecurityGroupView> securityGroups) {
        static Many sorted(List<SecurityGroupView> groups) {
            List<SecurityGroupView> out = new ArrayList<>(groups);
            out.sort(Comparator.comparing((SecurityGroupView g) -> String.valueOf(g.tenantId()))
                    .thenComparing(g -> String.valueOf(g.name())));
            return new Many(out);
        }
    }

    /** {@code {"security_group_rule": {...}}} */
    @Schema(name = "ComputeSecurityGroupRuleOne")
    public record RuleOne(@JsonProperty("security_group_rule") Rule securityGroupRule) {
    }

    /**
     * Nova's view of a Neutron group. {@code remoteGroups} knows the remote groups of its rules by id (a rule whose
     * remote group is not there is left out, as Nova leaves out a rule whose group it cannot find).
     */
    static SecurityGroupView of(JsonNode g, Map<String, GroupRef> remoteGroups) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : g.path("security_group_rules")) {
            if (!"ingress".equals(r.path("direction").asText())) {
                continue;
            }
            String remote = r.path("remote_group_id").asText(null);
            if (remote != null && !remoteGroups.containsKey(remote)) {
                continue;
            }
            rules.add(rule(r, remote == null ? null : remoteGroups.get(remote)));
        }
        return new SecurityGroupView(g.path("id").asText(), g.path("name").asText(""),
                g.path("description").asText(""), projectOf(g), rules);
    }

    /** Nova's view of a Neutron rule; {@code remote} is its remote group's, null for a rule without one. */
    static Rule rule(JsonNode r, GroupRef remote) {
        NovaRule n = NovaRule.of(r);
        return new Rule(r.path("id").asText(), r.path("security_group_id").asText(), n.protocol(), n.fromPort(),
                n.toPort(), remote == null ? GroupRef.NONE : remote, remote == null ? new IpRange(n.cidr()) : IpRange.NONE);
    }

    static String projectOf(JsonNode neutron) {
        return neutron.hasNonNull("tenant_id") ? neutron.get("tenant_id").asText() : neutron.path("project_id").asText("");
    }
}
