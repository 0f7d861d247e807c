package io.strato.network.agent.plan;

import java.util.List;

/** What this host must look like, computed from the cluster state alone (no host access). */
public record HostPlan(List<BridgePlan> bridges, FirewallPlan firewall, List<DhcpPlan> dhcp) {
}
