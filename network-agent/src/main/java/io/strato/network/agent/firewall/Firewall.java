package io.strato.network.agent.firewall;

import io.strato.network.agent.host.Nft;
import io.strato.network.agent.plan.FirewallPlan;
import io.strato.network.agent.plan.PortFilter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the host's nftables tables equal to the plan: each change is one {@code nft -f} transaction that
 * replaces both tables, so there is never a moment without rules. What the kernel listed after the last
 * apply is kept; a later listing that differs (a rule deleted by hand, the table flushed) is drift and
 * makes the next {@link #apply} write the tables again.
 */
public final class Firewall {

    private static final Logger LOG = Logger.getLogger(Firewall.class);

    private final Nft nft;
    private final String table;
    private final PortIndex index = new PortIndex();
    private String appliedScript;
    private String listedAfterApply;

    public Firewall(Nft nft, String table) {
        this.nft = nft;
        this.table = table;
    }

    /** Writes the plan unless the kernel already has exactly it; returns whether it wrote. */
    public synchronized boolean apply(FirewallPlan plan) {
        Set<UUID> ports = new LinkedHashSet<>();
        for (PortFilter p : plan.ports()) {
            if (p.secured()) {
                ports.add(p.portId());
            }
        }
        String script = FirewallRenderer.render(plan, index.assign(ports), table);
        if (script.equals(appliedScript) && !drifted()) {
            return false;
        }
        nft.apply(script);
        appliedScript = script;
        listedAfterApply = listing();
        return true;
    }

    /** Whether the kernel's tables differ from what this agent last wrote (always true before the first apply). */
    public synchronized boolean drifted() {
        if (listedAfterApply == null) {
            return true;
        }
        boolean drifted = !listing().equals(listedAfterApply);
        if (drifted) {
            LOG.warn("the strato nftables tables were changed outside the agent; rewriting them");
        }
        return drifted;
    }

    /** Removes both tables (agent uninstall, tests). */
    public synchronized void remove() {
        nft.deleteTable("bridge", table);
        nft.deleteTable("inet", table);
        appliedScript = null;
        listedAfterApply = null;
    }

    private String listing() {
        return nft.list("bridge", table) + nft.list("inet", table);
    }
}
