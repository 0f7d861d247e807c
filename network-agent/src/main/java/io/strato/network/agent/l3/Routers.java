package io.strato.network.agent.l3;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.strato.network.agent.host.HostFailure;
import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.StateFiles;
import io.strato.network.agent.host.Link;
import io.strato.network.agent.host.Neighbours;
import io.strato.network.agent.host.Nft;
import io.strato.network.agent.plan.RouterPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Makes the routers hosted here match the plan, as Neutron's L3 agent does with a legacy router: a namespace
 * {@code qrouter-<router>} with IPv4 forwarding, a veth leg per port (interfaces {@code qr-…}, gateway
 * {@code qg-…}, the bridge end {@code tap…} on the network's bridge), the ports' addresses and the floating IPs
 * (as /32 on the gateway, so the router answers ARP for them), the default route through the external subnet's
 * gateway and the extra routes, and its NAT table ({@link RouterNat}, one transaction).
 *
 * <p>Every step reads the kernel and does only what differs, so an agent stopped half-way converges on its next
 * pass; the NAT table is rewritten once after a start and then only when it changes. A floating IP that appears
 * or moves is announced by gratuitous ARP and its old connections are forgotten. A router no longer hosted here
 * loses its namespace and legs, but only a router this agent set up (a directory in its state directory, made
 * before the namespace), never another agent's namespace.
 */
public final class Routers {

    private static final Logger LOG = Logger.getLogger(Routers.class);

    private final Ip ip;
    private final Function<String, Nft> nftIn;
    private final Neighbours neighbours;
    private final Path dir;
    private final String table;
    /** The NAT script last written per router, and its floating IPs (floating to fixed). */
    private final Map<UUID, String> written = new HashMap<>();
    private final Map<UUID, Map<String, String>> mapped = new HashMap<>();
    /** The kernel's listing of each router's table at the first drift check after a write. */
    private final Map<UUID, String> reference = new HashMap<>();

    /**
     * @param nftIn    nftables inside a namespace
     * @param stateDir the agent's state directory ({@code routers/<id>} marks the routers it set up)
     * @param table    the NAT table's name inside each router namespace
     */
    public Routers(Ip ip, Function<String, Nft> nftIn, Neighbours neighbours, Path stateDir, String table) {
        this.ip = ip;
        this.nftIn = nftIn;
        this.neighbours = neighbours;
        this.dir = stateDir.resolve("routers");
        this.table = table;
    }

    /** Creates or fixes the planned routers and removes the others; returns how many things it changed. */
    public synchronized int apply(List<RouterPlan> plans) {
        List<UUID> own = ownRouters();
        if (plans.isEmpty() && own.isEmpty()) {
            return 0;
        }
        Set<String> namespaces = ip.namespaces();
        Map<String, Link> hostLinks = ip.links(null);
        int changes = 0;
        Set<UUID> wanted = new HashSet<>();
        for (RouterPlan plan : plans) {
            wanted.add(plan.routerId());
            changes += ensure(plan, namespaces, hostLinks);
        }
        for (UUID id : own) {
            if (!wanted.contains(id)) {
                changes += retire(id, namespaces, hostLinks);
            }
        }
        return changes;
    }

    /**
     * Lists each router's NAT table and compares it with the listing taken at the first check after the last write;
     * a table that differs (edited or deleted by hand) is rewritten by the next {@link #apply}.
     */
    public synchronized boolean checkDrift() {
        boolean drift = false;
        for (UUID id : List.copyOf(written.keySet())) {
            String now = nftIn.apply(RouterPlan.namespace(id)).list("ip", table);
            String before = reference.putIfAbsent(id, now);
            if (before != null && !before.equals(now)) {
                LOG.warnf("the NAT table of router %s was changed outside the agent; rewriting it", id);
                written.remove(id);
                reference.remove(id);
                drift = true;
            }
        }
        return drift;
    }

    private int ensure(RouterPlan plan, Set<String> namespaces, Map<String, Link> hostLinks) {
        String ns = plan.namespace();
        Path marker = dir.resolve(plan.routerId().toString());
        int changes = 0;
        createDirectories(marker);
        if (!namespaces.contains(ns)) {
            LOG.infof("setting up router %s in %s", plan.routerId(), ns);
            deleteIfExists(marker.resolve("ready"));
            ip.addNamespace(ns);
            written.remove(plan.routerId());
            changes++;
        }
        if (!Files.exists(marker.resolve("ready"))) {
            ip.inNamespace(ns, "link", "set", "lo", "up");
            ip.sysctl(ns, "net.ipv4.ip_forward=1");
            createDirectories(marker.resolve("ready"));
        }
        changes += legs(plan, ns, hostLinks);
        changes += addresses(plan, ns);
        changes += routes(plan, ns);
        changes += nat(plan, ns);
        return changes;
    }

    private int legs(RouterPlan plan, String ns, Map<String, Link> hostLinks) {
        Map<String, Link> inside = ip.links(ns);
        Set<String> wanted = new HashSet<>();
        int changes = 0;
        for (RouterPlan.Leg leg : plan.legs()) {
            wanted.add(leg.device());
            Link host = hostLinks.get(leg.hostEnd());
            Link in = inside.get(leg.device());
            if (host == null || in == null || !leg.macAddress().equalsIgnoreCase(in.mac())) {
                if (in != null) {
                    ip.inNamespace(ns, "link", "del", leg.device());
                }
                if (host != null && in == null) {
                    // its namespace end is gone: a half-made or foreign pair
                    ip.delete(leg.hostEnd());
                }
                ip.addVeth(leg.hostEnd(), leg.device(), ns, leg.macAddress(), leg.mtu());
                host = null;
                in = null;
                changes++;
            } else if (host.mtu() != leg.mtu() || in.mtu() != leg.mtu()) {
                ip.setMtu(leg.hostEnd(), leg.mtu());
                ip.inNamespace(ns, "link", "set", leg.device(), "mtu", Integer.toString(leg.mtu()));
                changes++;
            }
            if (host == null || !leg.bridge().equals(host.master())) {
                ip.setMaster(leg.hostEnd(), leg.bridge());
            }
            if (host == null || !host.up()) {
                ip.setUp(leg.hostEnd(), true);
            }
            if (in == null || !in.up()) {
                ip.inNamespace(ns, "link", "set", leg.device(), "up");
            }
        }
        for (String name : inside.keySet()) {
            if ((name.startsWith("qr-") || name.startsWith("qg-")) && !wanted.contains(name)) {
                LOG.infof("router %s: removing %s, no longer one of its ports", plan.routerId(), name);
                ip.inNamespace(ns, "link", "del", name);
                changes++;
            }
        }
        return changes;
    }

    private int addresses(RouterPlan plan, String ns) {
        Map<String, Set<String>> have = ip.addresses(ns);
        int changes = 0;
        for (RouterPlan.Leg leg : plan.legs()) {
            Set<String> want = new TreeSet<>();
            leg.addresses().forEach(a -> want.add(canonical(a)));
            if (leg.external()) {
                RouterNat.floatingIps(plan).keySet().forEach(f -> want.add(canonical(f + "/32")));
            }
            changes += ip.syncAddresses(ns, leg.device(), want, have.getOrDefault(leg.device(), Set.of()));
        }
        return changes;
    }

    /**
     * The default route through the external subnet's gateway and the extra routes. A route the kernel refuses (a
     * next hop on none of the router's subnets) is logged and left out: it must not stop the rest of the host.
     */
    private int routes(RouterPlan plan, String ns) {
        Set<Ip.Route> want = new LinkedHashSet<>();
        if (plan.gateway() != null && plan.nextHop() != null && new IPAddressString(plan.nextHop()).isIPv4()) {
            want.add(new Ip.Route("default", plan.nextHop(), null));
        }
        plan.routes().forEach(r -> {
            String destination = destination(r.destination());
            if (destination != null && new IPAddressString(r.nexthop()).isIPv4()) {
                want.add(new Ip.Route(destination, r.nexthop(), null));
            }
        });
        int changes = 0;
        Set<Ip.Route> have = new HashSet<>();
        for (Ip.Route r : ip.routes(ns)) {
            if (r.gateway() == null) {
                continue;
            }
            Ip.Route key = new Ip.Route(r.destination(), r.gateway(), null);
            have.add(key);
            if (!want.contains(key)) {
                ip.inNamespace(ns, "route", "del", r.destination(), "via", r.gateway());
                changes++;
            }
        }
        for (Ip.Route r : want) {
            if (!have.contains(r)) {
                try {
                    ip.inNamespace(ns, "route", "replace", r.destination(), "via", r.gateway());
                    changes++;
                } catch (HostFailure e) {
                    LOG.warnf("router %s: route %s via %s refused: %s", plan.routerId(), r.destination(), r.gateway(),
                            e.getMessage());
                }
            }
        }
        return changes;
    }

    private int nat(RouterPlan plan, String ns) {
        String script = RouterNat.render(plan, table);
        UUID id = plan.routerId();
        if (script.equals(written.get(id))) {
            return 0;
        }
        nftIn.apply(ns).apply(script);
        written.put(id, script);
        reference.remove(id);
        Map<String, String> before = mapped.getOrDefault(id, Map.of());
        Map<String, String> now = RouterNat.floatingIps(plan);
        for (Map.Entry<String, String> f : now.entrySet()) {
            String old = before.get(f.getKey());
            if (!f.getValue().equals(old)) {
                if (old != null) {
                    neighbours.forgetConnectionsTo(ns, f.getKey());
                }
                neighbours.announce(ns, plan.gateway().device(), f.getKey());
            }
        }
        before.keySet().stream().filter(f -> !now.containsKey(f)).forEach(f -> neighbours.forgetConnectionsTo(ns, f));
        mapped.put(id, now);
        return 1;
    }

    private int retire(UUID id, Set<String> namespaces, Map<String, Link> hostLinks) {
        String ns = RouterPlan.namespace(id);
        LOG.infof("removing router %s: it is no longer hosted here", id);
        if (namespaces.contains(ns)) {
            ip.deleteNamespaceAndVeths(ns, hostLinks, "qr-", "qg-");
        }
        written.remove(id);
        mapped.remove(id);
        reference.remove(id);
        StateFiles.deleteTree(dir.resolve(id.toString()));
        return 1;
    }

    /** The routers this agent set up (whose namespace it may remove). */
    private List<UUID> ownRouters() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<UUID> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                try {
                    out.add(UUID.fromString(p.getFileName().toString()));
                } catch (IllegalArgumentException e) {
                    // not a router's directory
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code 10.0.0.1/24} as {@code ip} prints it. */
    private static String canonical(String cidr) {
        IPAddress a = new IPAddressString(cidr).getAddress();
        return a == null ? cidr : a.withoutPrefixLength().toCanonicalString() + "/" + a.getNetworkPrefixLength();
    }

    /** A route's destination as {@code ip route} prints it: {@code default}, a bare host address, or a prefix. */
    private static String destination(String cidr) {
        IPAddress a = new IPAddressString(cidr).getAddress();
        if (a == null || !a.isIPv4()) {
            return null;
        }
        Integer prefix = a.getNetworkPrefixLength();
        if (prefix == null || prefix == 32) {
            return a.withoutPrefixLength().toCanonicalString();
        }
        if (prefix == 0) {
            return "default";
        }
        return a.toPrefixBlock().toCanonicalString();
    }

    private static void createDirectories(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
