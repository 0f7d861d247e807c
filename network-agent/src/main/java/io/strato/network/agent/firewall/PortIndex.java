package io.strato.network.agent.firewall;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A small number per local port (1..4095), stable while the port stays: the bridge table stamps it into the
 * packet mark (source and destination port in 12 bits each, below the table's tag), and the inet table dispatches
 * on it, because with br_netfilter the IP hooks only see the bridge, not the port a packet came in on.
 */
final class PortIndex {

    static final int MAX = 0xfff;

    private final Map<UUID, Integer> byPort = new HashMap<>();
    private final TreeSet<Integer> free = new TreeSet<>();
    private int next = 1;

    /** Keeps the numbers of {@code ports} that have one, numbers the new ones, frees the rest. */
    synchronized Map<UUID, Integer> assign(Set<UUID> ports) {
        byPort.entrySet().removeIf(e -> {
            if (!ports.contains(e.getKey())) {
                free.add(e.getValue());
                return true;
            }
            return false;
        });
        for (UUID p : ports) {
            if (!byPort.containsKey(p)) {
                Integer n = free.pollFirst();
                if (n == null) {
                    if (next > MAX) {
                        throw new IllegalStateException("more than " + MAX + " ports on one host");
                    }
                    n = next++;
                }
                byPort.put(p, n);
            }
        }
        return Map.copyOf(byPort);
    }
}
