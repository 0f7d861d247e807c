package io.strato.network.agent.plan;

import io.strato.network.agent.model.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the host's nftables tables must say: the local ports' filters, the rules of the groups they
 * use, the member addresses of every group named as a remote group by one of those rules, and the bridges of
 * the networks with a port here (each network's traffic is tracked in a conntrack zone of its own).
 *
 * @param networks network id to its bridge on this host, for every network of {@code ports}
 */
public record FirewallPlan(List<PortFilter> ports, Map<UUID, List<RuleInfo>> groupRules,
        Map<UUID, Members> remoteGroups, Map<UUID, String> networks) {

    /** A remote group's member addresses (fixed IPs and address pairs of its ports, on any host). */
    public record Members(Set<String> ipv4, Set<String> ipv6) {
    }
}
