package io.strato.network.agent.testbed;

import io.strato.network.agent.dhcp.DhcpServers;
import io.strato.network.agent.firewall.ConntrackZones;
import io.strato.network.agent.firewall.Firewall;
import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.Neighbours;
import io.strato.network.agent.host.Nft;
import io.strato.network.agent.host.Processes;
import io.strato.network.agent.host.Sh;
import io.strato.network.agent.l2.Bridges;
import io.strato.network.agent.l2.Ledger;
import io.strato.network.agent.l3.Routers;
import io.strato.network.agent.metadata.MetadataProxies;
import io.strato.network.agent.plan.FirewallPlan;
import io.strato.network.agent.plan.HostPlan;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.reconcile.HostApplier;
import io.strato.network.agent.state.Snapshot;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A hypervisor made of a network namespace, as Neutron's fullstack tests make them: the agent's real host code
 * (bridges, VXLAN, nftables, dnsmasq, metadata proxies) with its {@link Ip} and {@link Nft} bound to the
 * namespace, so several hosts stand on one kernel and nothing touches the machine's own network. Its agent can
 * be "restarted": new parts over the same state directory and tables, as a new process would build them.
 * {@link #close} removes everything it made, whatever state a failed test left.
 */
public final class TestHost implements AutoCloseable {

    public static final String TABLE = "strato";

    /** The name ports are bound to ({@code binding:host_id}). */
    public final String name;
    /** The network namespace standing for the machine. */
    public final String namespace;
    public final Path stateDir;
    public final Ip ip;
    public final Nft nft;
    public final HostPlanner planner;
    private final String tunnelIp;
    private final Supplier<Set<String>> peers;
    private final Supplier<Snapshot> state;
    private final List<Guest> guests = new ArrayList<>();
    private Agent agent;
    /** compute's metadata API, where the metadata proxies forward (by default nothing listens there). */
    private String metadataUrl = "http://127.0.0.1:9";

    /** The agent's parts, as one process of it builds them. */
    public record Agent(Bridges bridges, Firewall firewall, DhcpServers dhcp, MetadataProxies metadata,
            Routers routers, HostApplier applier) {
    }

    private TestHost(String name, String namespace, String tunnelIp, Supplier<Set<String>> peers,
            Supplier<Snapshot> state) throws IOException {
        this.name = name;
        this.namespace = namespace;
        this.tunnelIp = tunnelIp;
        this.peers = peers;
        this.state = state;
        this.ip = new Ip(namespace);
        this.nft = new Nft(namespace);
        this.planner = new HostPlanner(name, Map.of());
        // dnsmasq drops its privileges: its files must be readable by others
        this.stateDir = Files.createTempDirectory("strato-" + name + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /**
     * Makes the namespace and starts an agent in it.
     *
     * @param tunnelIp its VXLAN source address (give it to the host with {@link #cable})
     * @param peers    the other hosts' tunnel addresses, as {@code Peers} would say
     */
    public static TestHost start(String name, String namespace, String tunnelIp, Supplier<Set<String>> peers,
            Supplier<Snapshot> state) throws IOException {
        TestHost h = new TestHost(name, namespace, tunnelIp, peers, state);
        try {
            check(Sh.run("ip", "netns", "add", namespace));
            check(Sh.run("ip", "-n", namespace, "link", "set", "lo", "up"));
            h.agent = h.newAgent();
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** An underlay cable between two hosts: a veth pair {@code ul0}, with each host's tunnel address on its end. */
    public static void cable(TestHost a, TestHost b) {
        check(Sh.run("ip", "link", "add", "ul0", "netns", a.namespace, "type", "veth", "peer", "name", "ul0", "netns",
                b.namespace));
        for (TestHost h : List.of(a, b)) {
            check(Sh.run("ip", "-n", h.namespace, "addr", "add", h.tunnelIp + "/24", "dev", "ul0"));
            check(Sh.run("ip", "-n", h.namespace, "link", "set", "ul0", "up"));
        }
    }

    public Agent agent() {
        return agent;
    }

    /** A full pass of the agent over the current state; returns its changes by step. */
    public Map<String, Integer> reconcile() {
        return agent.applier().apply(plan());
    }

    public HostPlan plan() {
        return planner.plan(state.get());
    }

    /**
     * The agent process dies (its metadata sockets close; the kernel's devices and tables, dnsmasq and the state
     * directory stay) and a new one starts over the same state directory and tables.
     */
    public Agent restartAgent() {
        agent.metadata().stopAll();
        agent = newAgent();
        return agent;
    }

    /** A new agent whose metadata proxies forward to {@code url} (a test's stand-in for compute's metadata API). */
    public Agent restartAgent(String url) {
        metadataUrl = url;
        return restartAgent();
    }

    private Agent newAgent() {
        Bridges bridges = new Bridges(ip, tunnelIp, peers, new Ledger(stateDir.resolve("devices")));
        Firewall firewall = new Firewall(nft, TABLE, new ConntrackZones(stateDir.resolve("conntrack-zones")));
        DhcpServers dhcp = new DhcpServers(ip, new Processes(), stateDir, (network, subnets) -> { });
        MetadataProxies metadata = new MetadataProxies(state, metadataUrl, "secret", HttpClient.newHttpClient());
        Routers routers = new Routers(ip, Nft::new, new Neighbours(), stateDir, TABLE);
        return new Agent(bridges, firewall, dhcp, metadata, routers,
                new HostApplier(bridges, firewall, dhcp, metadata, routers));
    }

    /** A guest of this host: a namespace whose eth0's peer, in the host, is the port's tap on {@code bridge}. */
    public Guest plug(String guestNamespace, String tap, String mac, String bridge) {
        Guest g = new Guest(guestNamespace);
        guests.add(g);
        check(Sh.run("ip", "netns", "add", guestNamespace));
        check(Sh.run("ip", "-n", namespace, "link", "add", tap, "type", "veth", "peer", "name", "eth0", "netns",
                guestNamespace));
        check(Sh.run("ip", "-n", guestNamespace, "link", "set", "eth0", "address", mac, "up"));
        check(Sh.run("ip", "-n", guestNamespace, "link", "set", "lo", "up"));
        check(Sh.run("ip", "-n", namespace, "link", "set", tap, "master", bridge, "up"));
        return g;
    }

    /** The guest is deleted (its tap goes with it), as compute does when a server is deleted. */
    public void unplug(Guest g) {
        guests.remove(g);
        Sh.run("ip", "netns", "del", g.namespace());
    }

    /** Runs a command inside the host's namespace. */
    public Sh.Out run(String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return Sh.run(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (Guest g : List.copyOf(guests)) {
            unplug(g);
        }
        if (agent != null) {
            try {
                agent.applier().apply(new HostPlan(List.of(), new FirewallPlan(List.of(), Map.of(), Map.of(), Map.of()), List.of()));
            } catch (RuntimeException e) {
                System.err.println("TestHost " + name + ": the empty pass failed, removing by force: " + e.getMessage());
            }
            agent.metadata().stopAll();
        }
        killDnsmasqs();
        removeRouters();
        Sh.run("ip", "netns", "del", namespace);
        deleteTree(stateDir);
    }

    /** Whatever dnsmasq and qdhcp namespace this host's state directory still names (after a failed test). */
    private void killDnsmasqs() {
        Path dhcp = stateDir.resolve("dhcp");
        if (!Files.isDirectory(dhcp)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(dhcp)) {
            for (Path d : dirs.toList()) {
                Path pid = d.resolve("pid");
                if (Files.exists(pid)) {
                    Sh.run("kill", Files.readString(pid).strip());
                }
                Sh.run("ip", "netns", "del", "qdhcp-" + UUID.fromString(d.getFileName().toString()));
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("TestHost " + name + ": " + e.getMessage());
        }
    }

    /** Whatever router namespace this host's state directory still names (after a failed test). */
    private void removeRouters() {
        Path routers = stateDir.resolve("routers");
        if (!Files.isDirectory(routers)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(routers)) {
            for (Path d : dirs.toList()) {
                Sh.run("ip", "netns", "del", "qrouter-" + d.getFileName());
            }
        } catch (IOException e) {
            System.err.println("TestHost " + name + ": " + e.getMessage());
        }
    }

    /** Removes a test's directory and everything in it (nothing when it is not there). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    public static Sh.Out check(Sh.Out out) {
        if (!out.ok()) {
            throw new IllegalStateException(out.text());
        }
        return out;
    }
}
