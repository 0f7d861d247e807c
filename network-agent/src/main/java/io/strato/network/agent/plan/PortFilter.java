package io.strato.network.agent.plan;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the firewall enforces for one local port.
 *
 * @param macs      the MACs it may send from (its own and its address pairs')
 * @param ipv4      addresses and CIDRs it may send from (fixed IPs and address pairs)
 * @param ipv6      same for IPv6 (link-local is always allowed)
 * @param groups    its security groups, in order
 * @param secured   false when {@code port_security_enabled=false}: no anti-spoofing, no groups
 * @param stateful  false when every one of its groups is {@code stateful=false}: its rules do not use conntrack
 *                  (replies need rules of their own) and its packets are not tracked. Neutron refuses a port in
 *                  stateful and stateless groups at once; should one arrive, any stateful group makes it stateful
 *                  (and a port without groups, which drops everything, is stateful too)
 */
public record PortFilter(UUID portId, String tap, Set<String> macs, Set<String> ipv4, Set<String> ipv6,
        List<UUID> groups, boolean secured, boolean stateful) {
}
