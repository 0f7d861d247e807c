package io.strato.network.agent.l2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The other hosts' tunnel addresses: configured ones, and those announced by agents' heartbeats lately. */
public final class Peers {

    private record Seen(String tunnelIp, Instant at) {
    }

    private final Set<String> configured;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Seen> announced = new HashMap<>();

    public Peers(List<String> configured, Duration timeout, Clock clock) {
        this.configured = Set.copyOf(configured);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Records a heartbeat; returns whether the host's address is new or changed. */
    public synchronized boolean heard(String host, String tunnelIp) {
        Seen old = announced.put(host, new Seen(tunnelIp, clock.instant()));
        return old == null || !old.tunnelIp().equals(tunnelIp);
    }

    public synchronized Set<String> tunnelAddresses() {
        Instant cutoff = clock.instant().minus(timeout);
        Set<String> out = new TreeSet<>(configured);
        announced.values().stream().filter(s -> s.at().isAfter(cutoff)).forEach(s -> out.add(s.tunnelIp()));
        return out;
    }
}
