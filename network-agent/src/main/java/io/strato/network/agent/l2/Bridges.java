package io.strato.network.agent.l2;

import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.Link;
import io.strato.network.agent.plan.BridgePlan;
import io.strato.network.agent.plan.HostPlanner;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes the host's bridges and their uplinks match the plan: one {@code brq…} bridge per network with a
 * port here (MTU, admin state), its {@code vxlan-<VNI>} (flooding to every peer host's tunnel address),
 * VLAN sub-interface or flat interface enslaved. Bridges and VXLAN devices that are no longer wanted are
 * removed, but only those this agent made (listed in its ledger file, which survives its restarts) or adopted (a
 * {@code brq<network>} bridge the compute agent made before it, which the plan wants), and a bridge only once no
 * tap is left on it. Idempotent: a second run with the same plan changes nothing.
 */
public final class Bridges {

    private static final Logger LOG = Logger.getLogger(Bridges.class);

    private final Ip ip;
    private final String tunnelIp;
    private final Supplier<Set<String>> peers;
    private final Ledger ledger;

    /**
     * @param tunnelIp this host's VXLAN source address
     * @param peers    the other hosts' tunnel addresses (flood list of every VXLAN device)
     * @param ledger   the devices this agent made
     */
    public Bridges(Ip ip, String tunnelIp, Supplier<Set<String>> peers, Ledger ledger) {
        this.ip = ip;
        this.tunnelIp = tunnelIp;
        this.peers = peers;
        this.ledger = ledger;
    }

    /** Creates or fixes the planned bridges and uplinks; returns how many devices it created or changed. */
    public int ensure(List<BridgePlan> plan) {
        Map<String, Link> links = ip.links(null);
        int changes = 0;
        for (BridgePlan b : plan) {
            changes += bridge(b, links.get(b.bridge()));
            if (b.uplink() != null) {
                changes += uplink(b, links.get(b.uplink().device()));
            }
        }
        return changes;
    }

    /**
     * Removes this agent's bridges and VXLAN devices that the plan no longer has (run after the DHCP servers
     * of those networks are gone, so that only guests' taps can keep a bridge); returns how many it removed.
     */
    public int prune(List<BridgePlan> plan) {
        Map<String, Link> links = ip.links(null);
        int changes = 0;
        Set<String> wantedBridges = new HashSet<>();
        Set<String> wantedUplinks = new HashSet<>();
        for (BridgePlan b : plan) {
            wantedBridges.add(b.bridge());
            if (b.uplink() != null) {
                wantedUplinks.add(b.uplink().device());
            }
        }
        for (Link l : links.values()) {
            if ("vxlan".equals(l.kind()) && ledger.contains(l.name()) && !wantedUplinks.contains(l.name())) {
                LOG.infof("removing %s: no network of this host uses it", l.name());
                ip.delete(l.name());
                ledger.remove(l.name());
                changes++;
            }
        }
        for (Link l : links.values()) {
            if ("bridge".equals(l.kind()) && ledger.contains(l.name()) && !wantedBridges.contains(l.name())
                    && links.values().stream().noneMatch(m -> l.name().equals(m.master()) && m.name().startsWith("tap"))) {
                LOG.infof("removing bridge %s: no port of its network is here", l.name());
                ip.delete(l.name());
                ledger.remove(l.name());
                changes++;
            }
        }
        // names whose device is gone: removed by hand, or the agent stopped between removing and forgetting it
        for (String name : ledger.names()) {
            if (!links.containsKey(name) && !wantedBridges.contains(name) && !wantedUplinks.contains(name)) {
                ledger.remove(name);
            }
        }
        return changes;
    }

    private int bridge(BridgePlan b, Link existing) {
        int changes = 0;
        if (existing == null) {
            ledger.add(b.bridge());
            ip.addBridge(b.bridge(), b.mtu());
            changes++;
        } else if (!ledger.contains(b.bridge()) && "bridge".equals(existing.kind())
                && b.bridge().equals(HostPlanner.bridgeName(b.networkId()))) {
            // the compute agent made it first (libvirt refuses a missing bridge, as os-vif knows): the name is ours
            LOG.infof("adopting bridge %s of network %s", b.bridge(), b.networkId());
            ledger.add(b.bridge());
            changes++;
        }
        if (existing != null && existing.mtu() != b.mtu()) {
            ip.setMtu(b.bridge(), b.mtu());
            changes++;
        }
        if (existing == null || existing.up() != b.up()) {
            ip.setUp(b.bridge(), b.up());
            changes++;
        }
        return changes;
    }

    private int uplink(BridgePlan b, Link existing) {
        BridgePlan.Uplink u = b.uplink();
        String dev = u.device();
        int changes = 0;
        if (existing != null && u instanceof BridgePlan.Vxlan v && !Integer.valueOf(v.vni()).equals(existing.vni())
                && ledger.contains(dev)) {
            ip.delete(dev);
            existing = null;
        }
        if (existing == null) {
            if (u instanceof BridgePlan.Vxlan v) {
                ledger.add(dev);
                ip.addVxlan(dev, v.vni(), tunnelIp, b.mtu());
            } else if (u instanceof BridgePlan.Vlan v) {
                ip.addVlan(v.iface(), dev, v.vlanId());
            } else {
                LOG.warnf("physical interface %s of network %s does not exist", dev, b.networkId());
                return 0;
            }
            changes++;
        }
        if (existing == null || !b.bridge().equals(existing.master())) {
            ip.setMaster(dev, b.bridge());
            changes++;
        }
        if (existing == null || existing.mtu() != b.mtu()) {
            ip.setMtu(dev, b.mtu());
        }
        if (existing == null || !existing.up()) {
            ip.setUp(dev, true);
            changes++;
        }
        if (u instanceof BridgePlan.Vxlan) {
            changes += flood(dev);
        }
        return changes;
    }

    private int flood(String vxlan) {
        Set<String> want = new HashSet<>(peers.get());
        want.remove(tunnelIp);
        Set<String> have = ip.floodList(vxlan);
        int changes = 0;
        for (String p : want) {
            if (!have.contains(p)) {
                ip.floodTo(vxlan, p);
                changes++;
            }
        }
        for (String p : have) {
            if (!want.contains(p)) {
                ip.stopFlooding(vxlan, p);
                changes++;
            }
        }
        return changes;
    }
}
