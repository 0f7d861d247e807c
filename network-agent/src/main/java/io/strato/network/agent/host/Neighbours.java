package io.strato.network.agent.host;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * What other machines remember of an address: their ARP caches (a gratuitous ARP tells them an address is now
 * behind this device) and the router's own connection tracking (connections through an old floating IP mapping
 * are forgotten, so the next packet takes the new one). Both are best effort: announcements run in the
 * background and never hold up a pass, and a missing tool ({@code arping}, {@code conntrack}) is logged once.
 */
public final class Neighbours {

    private static final Logger LOG = Logger.getLogger(Neighbours.class);

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "network-agent-garp");
        t.setDaemon(true);
        return t;
    });
    private final boolean arping = Tools.succeeds("sh", "-c", "command -v arping");
    private final boolean conntrack = Tools.succeeds("sh", "-c", "command -v conntrack");

    public Neighbours() {
        if (!arping) {
            LOG.warn("no arping on this host: floating IP moves are not announced (gratuitous ARP)");
        }
        if (!conntrack) {
            LOG.warn("no conntrack tool on this host: connections through a moved floating IP keep their old mapping"
                    + " until they time out");
        }
    }

    /** Sends gratuitous ARP for {@code address} from {@code device} in {@code namespace}, in the background. */
    public void announce(String namespace, String device, String address) {
        if (!arping) {
            return;
        }
        background.execute(() -> {
            if (!Tools.succeeds("ip", "netns", "exec", namespace, "arping", "-U", "-c", "1", "-I", device, address)) {
                LOG.debugf("gratuitous ARP for %s on %s in %s failed", address, device, namespace);
            }
        });
    }

    /** Forgets the connections of {@code namespace} whose original destination is {@code address}. */
    public void forgetConnectionsTo(String namespace, String address) {
        if (conntrack) {
            // exit status 1 when there was none: not a failure
            Tools.succeeds("ip", "netns", "exec", namespace, "conntrack", "-D", "-d", address);
        }
    }
}
