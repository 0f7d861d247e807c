package io.strato.network.agent.firewall;

import io.strato.network.agent.host.Nft;
import io.strato.network.agent.plan.FirewallPlan;
import io.strato.network.agent.plan.PortFilter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the host's nftables tables equal to the plan, always in one {@code nft -f} transaction, so there is never
 * a moment without rules. A change of group rules or remote-group members only (the common case: a rule created,
 * a port joining a group elsewhere) flushes and refills the chains and sets concerned; anything structural (a port
 * or group added or removed) replaces both tables.
 *
 * <p>Drift (a rule or table changed by hand) is looked for by {@link #checkDrift}, on the reconciler's timer, not
 * on every change: it lists the tables, which costs as much as writing them. The first check after a write takes
 * the kernel's listing as the reference; a later listing that differs makes the next {@link #apply} replace the
 * tables.
 */
public final class Firewall {

    private static final Logger LOG = Logger.getLogger(Firewall.class);

    private final Nft nft;
    private final String table;
    private final PortIndex index = new PortIndex();
    private final ConntrackZones zones;
    private FirewallPlan applied;
    private Map<UUID, Integer> appliedIndex;
    private Map<UUID, Integer> appliedZones;
    private String reference;

    /** @param zones the networks' conntrack zones, remembered across the agent's restarts */
    public Firewall(Nft nft, String table, ConntrackZones zones) {
        this.nft = nft;
        this.table = table;
        this.zones = zones;
    }

    /** Writes what differs from the last write; returns whether it wrote. */
    public synchronized boolean apply(FirewallPlan plan) {
        Set<UUID> ports = new LinkedHashSet<>();
        for (PortFilter p : plan.ports()) {
            if (p.secured()) {
                ports.add(p.portId());
            }
        }
        Map<UUID, Integer> numbers = index.assign(ports);
        Map<UUID, Integer> networkZones = zones.assign(plan.networks().keySet());
        String script = null;
        if (applied != null && numbers.equals(appliedIndex) && networkZones.equals(appliedZones)) {
            script = FirewallRenderer.delta(applied, plan, table);
            if (script != null && script.isEmpty()) {
                return false;
            }
        }
        if (script == null) {
            script = FirewallRenderer.render(plan, numbers, networkZones, table);
        }
        nft.apply(script);
        applied = plan;
        appliedIndex = numbers;
        appliedZones = networkZones;
        reference = null;
        return true;
    }

    /**
     * Lists the tables and compares them with the reference taken at the first check after the last write;
     * returns whether they drifted (the next {@link #apply} then rewrites them whole).
     */
    public synchronized boolean checkDrift() {
        if (applied == null) {
            return true;
        }
        String now = listing();
        if (reference == null) {
            reference = now;
            return false;
        }
        if (!now.equals(reference)) {
            LOG.warnf("the %s nftables tables were changed outside the agent; rewriting them", table);
            applied = null;
            reference = null;
            return true;
        }
        return false;
    }

    /** Removes both tables (agent uninstall, tests). */
    public synchronized void remove() {
        nft.deleteTable("bridge", table);
        nft.deleteTable("inet", table);
        applied = null;
        reference = null;
    }

    private String listing() {
        return nft.list("bridge", table) + nft.list("inet", table);
    }
}
