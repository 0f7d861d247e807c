package io.strato.network.agent.plan;

import java.util.List;

/** What this host must look like, computed from the cluster state alone (no host access). */
public record HostPlan(List<BridgePlan> bridges, FirewallPlan firewall, List<DhcpPlan> dhcp, List<RouterPlan> routers) {

    /** A host without routers. */
    public HostPlan(List<BridgePlan> bridges, FirewallPlan firewall, List<DhcpPlan> dhcp) {
        this(bridges, firewall, dhcp, List.of());
    }
}
