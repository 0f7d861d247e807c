package io.strato.network.agent.metadata;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.plan.DhcpPlan;
import io.strato.network.agent.state.Snapshot;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One {@link MetadataProxy} per network whose DHCP server runs here (the guests' route to 169.254.169.254
 * points at the DHCP port), started when the namespace is ready and stopped when it goes.
 */
public final class MetadataProxies {

    public static final String ADDRESS = "169.254.169.254";

    private final Supplier<Snapshot> state;
    private final String upstream;
    private final String secret;
    private final HttpClient http;
    private final Map<UUID, MetadataProxy> running = new HashMap<>();

    public MetadataProxies(Supplier<Snapshot> state, String upstream, String secret, HttpClient http) {
        this.state = state;
        this.upstream = upstream;
        this.secret = secret;
        this.http = http;
    }

    /**
     * Stops the proxies of networks no longer served; run before their namespaces are removed, since an open
     * socket keeps a deleted namespace (and its veth, and so its bridge) alive.
     */
    public synchronized int retire(List<DhcpPlan> plans) {
        Set<UUID> wanted = new HashSet<>();
        for (DhcpPlan p : plans) {
            if (served(p)) {
                wanted.add(p.networkId());
            }
        }
        int changes = 0;
        for (UUID id : Set.copyOf(running.keySet())) {
            if (!wanted.contains(id)) {
                running.remove(id).stop();
                changes++;
            }
        }
        return changes;
    }

    /** Starts the proxies of the served networks (those with a DHCP port here), once their namespaces exist. */
    public synchronized int apply(List<DhcpPlan> plans) {
        int changes = 0;
        for (DhcpPlan p : plans) {
            if (!served(p)) {
                continue;
            }
            if (!running.containsKey(p.networkId())) {
                MetadataProxy proxy = new MetadataProxy(p.networkId(), this::port, upstream, secret, http);
                // a failure reaches the reconciler, which logs it and retries the pass
                proxy.start(p.namespace(), ADDRESS);
                running.put(p.networkId(), proxy);
                changes++;
            }
        }
        return changes;
    }

    private static boolean served(DhcpPlan p) {
        return p.port() != null && p.subnets().stream().anyMatch(s -> s.ipVersion() == 4);
    }

    public synchronized void stopAll() {
        running.values().forEach(MetadataProxy::stop);
        running.clear();
    }

    /** The non-network port of {@code network} with fixed IP {@code address}, or null. */
    private PortInfo port(UUID network, String address) {
        for (PortInfo p : state.get().ports().values()) {
            if (p.networkId().equals(network) && !p.networkOwned()
                    && p.fixedIps().stream().anyMatch(ip -> ip.ipAddress().equals(address))) {
                return p;
            }
        }
        return null;
    }
}
