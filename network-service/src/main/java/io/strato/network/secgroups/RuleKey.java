package io.strato.network.secgroups;

import java.util.UUID;

/**
 * What makes two rules the same rule, as Neutron compares them ({@code _rule_to_key}): a protocol by
 * name or by number is one protocol, and no remote prefix, 0.0.0.0/0 and ::/0 are all "anywhere".
 */
record RuleKey(UUID group, String direction, String ethertype, Integer protocol, Integer portRangeMin,
               Integer portRangeMax, String remoteIpPrefix, UUID remoteGroupId) {

    static RuleKey of(SecurityGroupRule r) {
        return new RuleKey(r.securityGroupId, r.direction, r.ethertype,
                Protocols.numberOf(Protocols.canonical(r.protocol, r.ethertype)), r.portRangeMin, r.portRangeMax,
                RemotePrefix.isAny(r.remoteIpPrefix) ? null : r.remoteIpPrefix, r.remoteGroupId);
    }
}
