package io.strato.network.agent.metadata;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.plan.DhcpPlan;
import io.strato.network.agent.plan.RouterPlan;
import io.strato.network.agent.plan.RouterPlanner;
import io.strato.network.agent.state.Snapshot;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The metadata proxies of this host, one per namespace: for each network whose DHCP server runs here (the
 * guests' option 121 route to 169.254.169.254 points at the DHCP port), and for each router hosted here (a guest
 * without that route reaches 169.254.169.254 through its default gateway, the router, whose NAT redirects it to
 * {@link #ROUTER_PORT}, as Neutron's router metadata proxy does). Started when the namespace is ready, stopped
 * before it goes.
 */
public final class MetadataProxies {

    public static final String ADDRESS = "169.254.169.254";
    /** Where a router namespace's proxy listens (Neutron's port); the router redirects 169.254.169.254:80 to it. */
    public static final int ROUTER_PORT = 9697;
    private static final int PORT = 80;

    private final Supplier<Snapshot> state;
    private final String upstream;
    private final String secret;
    private final HttpClient http;
    /** By namespace. */
    private final Map<String, MetadataProxy> running = new HashMap<>();

    public MetadataProxies(Supplier<Snapshot> state, String upstream, String secret, HttpClient http) {
        this.state = state;
        this.upstream = upstream;
        this.secret = secret;
        this.http = http;
    }

    /** A proxy the plan wants: where, on which address and port, and how it finds a caller's port. */
    private record Wanted(String name, String address, int port, Function<String, PortInfo> lookup) {
    }

    /**
     * Stops the proxies no longer wanted; run before their namespaces are removed, since an open socket keeps a
     * deleted namespace (and its veth, and so its bridge) alive.
     */
    public synchronized int retire(List<DhcpPlan> dhcp, List<RouterPlan> routers) {
        Set<String> wanted = wanted(dhcp, routers).keySet();
        int changes = 0;
        for (String ns : Set.copyOf(running.keySet())) {
            if (!wanted.contains(ns)) {
                running.remove(ns).stop();
                changes++;
            }
        }
        return changes;
    }

    /** DHCP servers only (hosts without routers). */
    public int retire(List<DhcpPlan> dhcp) {
        return retire(dhcp, List.of());
    }

    /** Starts the wanted proxies that do not run yet (their namespaces exist by now). */
    public synchronized int apply(List<DhcpPlan> dhcp, List<RouterPlan> routers) {
        int changes = 0;
        for (Map.Entry<String, Wanted> e : wanted(dhcp, routers).entrySet()) {
            if (!running.containsKey(e.getKey())) {
                Wanted w = e.getValue();
                MetadataProxy proxy = new MetadataProxy(w.name(), w.lookup(), upstream, secret, http);
                // a failure reaches the reconciler, which logs it and retries the pass
                proxy.start(e.getKey(), w.address(), w.port());
                running.put(e.getKey(), proxy);
                changes++;
            }
        }
        return changes;
    }

    /** DHCP servers only (hosts without routers). */
    public int apply(List<DhcpPlan> dhcp) {
        return apply(dhcp, List.of());
    }

    private Map<String, Wanted> wanted(List<DhcpPlan> dhcp, List<RouterPlan> routers) {
        Map<String, Wanted> out = new LinkedHashMap<>();
        for (DhcpPlan p : dhcp) {
            if (p.port() != null && p.subnets().stream().anyMatch(s -> s.ipVersion() == 4)) {
                UUID network = p.networkId();
                out.put(p.namespace(), new Wanted("network " + network, ADDRESS, PORT,
                        caller -> port(Set.of(network), caller)));
            }
        }
        for (RouterPlan r : routers) {
            if (!r.interfaces().isEmpty()) {
                UUID router = r.routerId();
                out.put(r.namespace(), new Wanted("router " + router, "0.0.0.0", ROUTER_PORT,
                        caller -> port(networksOf(router), caller)));
            }
        }
        return out;
    }

    public synchronized void stopAll() {
        running.values().forEach(MetadataProxy::stop);
        running.clear();
    }

    /** The networks a router has interfaces on, now. */
    private Set<UUID> networksOf(UUID router) {
        Set<UUID> out = new java.util.HashSet<>();
        String id = router.toString();
        for (PortInfo p : state.get().ports().values()) {
            if (RouterPlanner.INTERFACE_OWNER.equals(p.deviceOwner()) && id.equals(p.deviceId())) {
                out.add(p.networkId());
            }
        }
        return out;
    }

    /** The non-network port of one of {@code networks} with fixed IP {@code address}, or null. */
    private PortInfo port(Set<UUID> networks, String address) {
        for (PortInfo p : state.get().ports().values()) {
            if (networks.contains(p.networkId()) && !p.networkOwned()
                    && p.fixedIps().stream().anyMatch(ip -> ip.ipAddress().equals(address))) {
                return p;
            }
        }
        return null;
    }
}
