package io.strato.network.agent.reconcile;

import io.strato.network.agent.dhcp.DhcpServers;
import io.strato.network.agent.firewall.Firewall;
import io.strato.network.agent.host.BridgeNetfilter;
import io.strato.network.agent.l2.Bridges;
import io.strato.network.agent.l3.Routers;
import io.strato.network.agent.metadata.MetadataProxies;
import io.strato.network.agent.plan.HostPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Makes the host match a plan, in the order the host needs: br_netfilter's switches first (without them the
 * security groups see no bridged traffic, and a pass that cannot set them fails), then bridges (taps, DHCP ports and routers' legs
 * plug into them), then the firewall (one nft transaction), then the metadata proxies no longer wanted (an open
 * socket keeps a namespace alive), the DHCP servers, the routers, the new metadata proxies, and last the removal
 * of bridges no longer wanted. Each step reads the kernel and does only what differs, so an agent stopped after any step
 * converges on its next pass (what {@code HostRestartTest} shows).
 */
public final class HostApplier {

    /** One step of a pass; it returns how many things it created, changed or removed. */
    public record Step(String name, IntSupplier action) {
        public int run() {
            return action.getAsInt();
        }
    }

    private final Bridges bridges;
    private final Firewall firewall;
    private final DhcpServers dhcp;
    private final MetadataProxies metadata;
    private final Routers routers;
    private final BridgeNetfilter netfilter;

    public HostApplier(Bridges bridges, Firewall firewall, DhcpServers dhcp, MetadataProxies metadata, Routers routers) {
        this(bridges, firewall, dhcp, metadata, routers, new BridgeNetfilter());
    }

    public HostApplier(Bridges bridges, Firewall firewall, DhcpServers dhcp, MetadataProxies metadata, Routers routers,
            BridgeNetfilter netfilter) {
        this.netfilter = netfilter;
        this.bridges = bridges;
        this.firewall = firewall;
        this.dhcp = dhcp;
        this.metadata = metadata;
        this.routers = routers;
    }

    /** The steps of a pass for {@code plan}, in order. */
    public List<Step> steps(HostPlan plan) {
        return List.of(
                new Step("bridge-netfilter", netfilter::ensure),
                new Step("bridges", () -> bridges.ensure(plan.bridges())),
                new Step("firewall", () -> firewall.apply(plan.firewall()) ? 1 : 0),
                new Step("metadata-retire", () -> metadata.retire(plan.dhcp(), plan.routers())),
                new Step("dhcp", () -> dhcp.apply(plan.dhcp())),
                new Step("routers", () -> routers.apply(plan.routers())),
                new Step("metadata", () -> metadata.apply(plan.dhcp(), plan.routers())),
                new Step("prune", () -> bridges.prune(plan.bridges())));
    }

    /** Runs every step; returns the changes of the steps that changed something, by step name. */
    public Map<String, Integer> apply(HostPlan plan) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        for (Step s : steps(plan)) {
            int n = s.run();
            if (n > 0) {
                changes.put(s.name(), n);
            }
        }
        return changes;
    }

    /** Whether the firewall's tables or a router's NAT table were changed behind the agent's back. */
    public boolean checkDrift() {
        boolean firewallDrift = firewall.checkDrift();
        return routers.checkDrift() | firewallDrift;
    }

    /** Stops what runs inside the agent's process (the metadata proxies); the kernel's state stays. */
    public void stop() {
        metadata.stopAll();
    }
}
