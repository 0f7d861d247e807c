package io.strato.network.agent.model;

import java.util.UUID;

/**
 * A security group rule as Neutron defines it.
 *
 * @param direction  {@code ingress} (to the guest) or {@code egress} (from the guest)
 * @param ethertype  {@code IPv4} or {@code IPv6}
 * @param protocol   null (any), a name ({@code tcp}, {@code icmp}, {@code ipv6-icmp}...) or a number as a string
 */
public record RuleInfo(UUID id, UUID securityGroupId, String direction, String ethertype, String protocol,
        Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix, UUID remoteGroupId) {

    public boolean ingress() {
        return "ingress".equals(direction);
    }

    public boolean ipv6() {
        return "IPv6".equals(ethertype);
    }
}
