package io.strato.network.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * br_netfilter's switches that hand bridged IPv4 and IPv6 frames to the IP hooks, where the security groups'
 * stateful table sees them ({@code net.bridge.bridge-nf-call-iptables} and {@code -ip6tables}). With a switch at 0
 * bridged traffic passes no rule at all, so the agent sets them on every pass and fails the pass (the agent is then
 * not ready, and retries) when it cannot: security groups must never be left silently open.
 */
public final class BridgeNetfilter {

    private static final Logger LOG = Logger.getLogger(BridgeNetfilter.class);
    static final List<String> SWITCHES = List.of("bridge-nf-call-iptables", "bridge-nf-call-ip6tables");

    private final Path dir;

    /** The kernel's switches, in /proc/sys/net/bridge. */
    public BridgeNetfilter() {
        this(Path.of("/proc/sys/net/bridge"));
    }

    public BridgeNetfilter(Path dir) {
        this.dir = dir;
    }

    /**
     * Sets each switch that is not 1 to 1; returns how many it set.
     *
     * @throws HostFailure when a switch is missing (br_netfilter is not loaded) or cannot be read or set
     */
    public int ensure() {
        int set = 0;
        for (String name : SWITCHES) {
            Path p = dir.resolve(name);
            String value;
            try {
                value = Files.readString(p).strip();
            } catch (NoSuchFileException e) {
                throw new HostFailure("net.bridge." + name + " does not exist (br_netfilter is not loaded): security groups"
                        + " cannot see bridged traffic; load br_netfilter on this host", e);
            } catch (IOException e) {
                throw new HostFailure("cannot read net.bridge." + name + ": " + e.getMessage(), e);
            }
            if (!"1".equals(value)) {
                try {
                    Files.writeString(p, "1");
                } catch (IOException e) {
                    throw new HostFailure("net.bridge." + name + " is " + value + " and cannot be set to 1 (" + e.getMessage()
                            + "): security groups would not see bridged traffic", e);
                }
                LOG.warnf("net.bridge.%s was %s, set to 1: security groups need bridged traffic to pass the IP hooks",
                        name, value);
                set++;
            }
        }
        return set;
    }
}
