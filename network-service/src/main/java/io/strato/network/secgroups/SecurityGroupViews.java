package io.strato.network.secgroups;

import io.strato.network.api.StandardAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Security groups and rules in Neutron's JSON shape (without the {@code {"security_group": ...}} wrapper). */
final class SecurityGroupViews {
    private SecurityGroupViews() {
    }

    /** A group with its rules in full, as Neutron shows {@code security_group_rules}. */
    static Map<String, Object> group(SecurityGroup g, List<SecurityGroupRule> rules) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id.toString());
        v.put("name", g.name);
        v.put("stateful", g.stateful);
        v.put("shared", false);
        List<Map<String, Object>> ruleViews = new ArrayList<>(rules.size());
        for (SecurityGroupRule r : rules) {
            ruleViews.add(rule(r, g.isDefault));
        }
        v.put("security_group_rules", ruleViews);
        StandardAttributes.put(v, g.projectId, g.description, g.tags, g.createdAt, g.updatedAt, g.revisionNumber);
        return v;
    }

    static Map<String, Object> rule(SecurityGroupRule r, boolean belongsToDefaultGroup) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id.toString());
        v.put("security_group_id", r.securityGroupId.toString());
        v.put("direction", r.direction);
        v.put("ethertype", r.ethertype);
        v.put("protocol", r.protocol);
        v.put("port_range_min", r.portRangeMin);
        v.put("port_range_max", r.portRangeMax);
        v.put("remote_ip_prefix", r.remoteIpPrefix);
        v.put("normalized_cidr", r.remoteIpPrefix == null ? null : RemotePrefix.parse(r.remoteIpPrefix).network());
        v.put("remote_group_id", r.remoteGroupId == null ? null : r.remoteGroupId.toString());
        v.put("remote_address_group_id", null);
        v.put("belongs_to_default_sg", belongsToDefaultGroup);
        StandardAttributes.put(v, r.projectId, r.description, null, r.createdAt, r.updatedAt, r.revisionNumber);
        v.remove("tags"); // rules are not taggable (standard-attr-tag leaves them out)
        return v;
    }
}
