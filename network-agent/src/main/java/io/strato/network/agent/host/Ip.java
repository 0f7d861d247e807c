package io.strato.network.agent.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The kernel's links, namespaces and VXLAN forwarding entries through iproute2 ({@code ip}, {@code bridge}),
 * reading their JSON output. Every change names the device; nothing here decides what should exist.
 *
 * <p>"The host" is the agent's own network namespace, or the named namespace given to the constructor: then
 * every device command runs with {@code ip -n}/{@code bridge -n}, which lets tests stand several hosts on one
 * kernel (as Neutron's fullstack tests do). Namespace names ({@code qdhcp-…}) are the kernel's, not a host's.
 */
public final class Ip {

    private static final int DUMP_ATTEMPTS = 5;
    private static final String INTERRUPTED = "Dump was interrupted";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the host's devices are reached: {@code ip} or {@code ip -n <ns>}, and {@code bridge} likewise. */
    private final List<String> ip;
    private final List<String> bridge;

    /** The agent's own network namespace is the host. */
    public Ip() {
        this.ip = List.of("ip");
        this.bridge = List.of("bridge");
    }

    /** The named network namespace {@code hostNamespace} is the host (tests: a hypervisor made of a namespace). */
    public Ip(String hostNamespace) {
        this.ip = List.of("ip", "-n", hostNamespace);
        this.bridge = List.of("bridge", "-n", hostNamespace);
    }

    /** Links of the host (or of {@code namespace} when not null), by name. */
    public Map<String, Link> links(String namespace) {
        List<String> cmd = namespace == null ? ip("-d", "-j", "link", "show")
                : List.of("ip", "-n", namespace, "-d", "-j", "link", "show");
        Map<String, Link> out = new LinkedHashMap<>();
        for (JsonNode l : dump(() -> Tools.run(cmd))) {
            JsonNode info = l.path("linkinfo");
            String kind = info.path("info_kind").isTextual() ? info.get("info_kind").asText() : null;
            Integer vni = "vxlan".equals(kind) && info.path("info_data").path("id").isNumber()
                    ? info.path("info_data").path("id").asInt() : null;
            boolean up = false;
            for (JsonNode f : l.path("flags")) {
                up |= "UP".equals(f.asText());
            }
            String name = l.path("ifname").asText();
            out.put(name, new Link(name, kind, l.path("master").isTextual() ? l.get("master").asText() : null,
                    l.path("mtu").asInt(), up, l.path("address").asText(null), vni));
        }
        return out;
    }

    public void addBridge(String name, int mtu) {
        Tools.run(ip("link", "add", "name", name, "mtu", Integer.toString(mtu), "type", "bridge", "stp_state", "0"));
    }

    /** A VXLAN device with no learning: the agent writes the flood list ({@link #floodTo}). */
    public void addVxlan(String name, int vni, String localIp, int mtu) {
        Tools.run(ip("link", "add", name, "mtu", Integer.toString(mtu), "type", "vxlan", "id", Integer.toString(vni),
                "local", localIp, "dstport", "4789", "nolearning"));
    }

    public void addVlan(String iface, String name, int vlanId) {
        Tools.run(ip("link", "add", "link", iface, "name", name, "type", "vlan", "id", Integer.toString(vlanId)));
    }

    /** A veth pair: {@code hostEnd} here, {@code nsEnd} in {@code namespace} with the given MAC. */
    public void addVeth(String hostEnd, String nsEnd, String namespace, String mac, int mtu) {
        Tools.run(ip("link", "add", hostEnd, "mtu", Integer.toString(mtu), "type", "veth", "peer", "name", nsEnd,
                "address", mac, "mtu", Integer.toString(mtu), "netns", namespace));
    }

    public void setMaster(String device, String bridge) {
        Tools.run(ip("link", "set", device, "master", bridge));
    }

    public void setMtu(String device, int mtu) {
        Tools.run(ip("link", "set", device, "mtu", Integer.toString(mtu)));
    }

    public void setUp(String device, boolean up) {
        Tools.run(ip("link", "set", device, up ? "up" : "down"));
    }

    public void delete(String device) {
        Tools.run(ip("link", "del", device));
    }

    /** Network namespaces by name. */
    public Set<String> namespaces() {
        Set<String> out = new TreeSet<>();
        for (JsonNode n : dump(() -> Tools.run("ip", "-j", "netns", "list"))) {
            out.add(n.path("name").asText());
        }
        return out;
    }

    public void addNamespace(String name) {
        Tools.run("ip", "netns", "add", name);
    }

    public void deleteNamespace(String name) {
        Tools.run("ip", "netns", "delete", name);
    }

    /** Runs {@code ip <args>} inside {@code namespace}. */
    public String inNamespace(String namespace, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", namespace));
        cmd.addAll(List.of(args));
        return Tools.run(cmd);
    }

    /** The addresses (with prefix) on a device in a namespace. */
    public Set<String> addresses(String namespace, String device) {
        Set<String> out = new TreeSet<>();
        for (JsonNode d : dump(() -> inNamespace(namespace, "-j", "addr", "show", "dev", device))) {
            for (JsonNode a : d.path("addr_info")) {
                if (!"link".equals(a.path("scope").asText())) {
                    out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    /** The addresses (with prefix, link-local ones left out) of every device in a namespace, by device. */
    public Map<String, Set<String>> addresses(String namespace) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (JsonNode d : dump(() -> inNamespace(namespace, "-j", "addr", "show"))) {
            Set<String> addrs = out.computeIfAbsent(d.path("ifname").asText(), n -> new TreeSet<>());
            for (JsonNode a : d.path("addr_info")) {
                if (!"link".equals(a.path("scope").asText()) && !"host".equals(a.path("scope").asText())) {
                    addrs.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    /** A route of a namespace's main table: destination ({@code default} or a prefix) and gateway (null when on-link). */
    public record Route(String destination, String gateway, String device) {
    }

    /** The IPv4 routes of a namespace's main table. */
    public List<Route> routes(String namespace) {
        List<Route> out = new ArrayList<>();
        for (JsonNode r : dump(() -> inNamespace(namespace, "-4", "-j", "route", "show"))) {
            out.add(new Route(r.path("dst").asText(), r.path("gateway").isTextual() ? r.get("gateway").asText() : null,
                    r.path("dev").asText(null)));
        }
        return out;
    }

    /** Runs {@code sysctl -qw <setting>} inside {@code namespace} (its own copy of the net.* settings). */
    public void sysctl(String namespace, String setting) {
        Tools.run("ip", "netns", "exec", namespace, "sysctl", "-qw", setting);
    }

    /**
     * Makes {@code device}'s addresses in {@code namespace} exactly {@code want} (with prefix, as {@code ip} prints
     * them), given {@code have}, what it has now; returns how many it added or removed.
     */
    public int syncAddresses(String namespace, String device, Set<String> want, Set<String> have) {
        int changes = 0;
        for (String a : want) {
            if (!have.contains(a)) {
                inNamespace(namespace, "addr", "replace", a, "dev", device);
                changes++;
            }
        }
        for (String a : have) {
            if (!want.contains(a)) {
                inNamespace(namespace, "addr", "del", a, "dev", device);
                changes++;
            }
        }
        return changes;
    }

    /**
     * Deletes a namespace whose veths the agent made as {@code <prefix><suffix>} inside and {@code tap<suffix>} on
     * the host: the host ends first, so their bridges are free at once (a namespace's own devices go only when the
     * kernel frees it, which may come after the caller's next step).
     *
     * @param hostLinks the host's links, as listed by the caller
     * @param prefixes  the inside names' prefixes, each three characters ({@code ns-}, {@code qr-}, {@code qg-})
     */
    public void deleteNamespaceAndVeths(String namespace, Map<String, Link> hostLinks, String... prefixes) {
        for (String name : links(namespace).keySet()) {
            for (String prefix : prefixes) {
                if (name.startsWith(prefix) && hostLinks.containsKey("tap" + name.substring(prefix.length()))) {
                    delete("tap" + name.substring(prefix.length()));
                }
            }
        }
        deleteNamespace(namespace);
    }

    /** The VXLAN device's flood list: the tunnel addresses its all-zero MAC entries send to. */
    public Set<String> floodList(String vxlan) {
        Set<String> out = new TreeSet<>();
        for (JsonNode e : dump(() -> Tools.run(bridge("-j", "fdb", "show", "dev", vxlan)))) {
            if ("00:00:00:00:00:00".equals(e.path("mac").asText()) && e.path("dst").isTextual()) {
                out.add(e.get("dst").asText());
            }
        }
        return out;
    }

    public void floodTo(String vxlan, String peer) {
        Tools.run(bridge("fdb", "append", "00:00:00:00:00:00", "dev", vxlan, "dst", peer));
    }

    public void stopFlooding(String vxlan, String peer) {
        Tools.run(bridge("fdb", "del", "00:00:00:00:00:00", "dev", vxlan, "dst", peer));
    }

    private List<String> ip(String... args) {
        return Tools.join(ip, args);
    }

    private List<String> bridge(String... args) {
        return Tools.join(bridge, args);
    }

    /**
     * A listing, as JSON. The kernel interrupts a netlink dump when the list changes under it (a busy host: libvirt,
     * other agents, tests adding links); {@code ip} then says "Dump was interrupted" instead of a whole listing, and
     * it is asked again.
     */
    private static JsonNode dump(Supplier<String> listing) {
        for (int attempt = 1; ; attempt++) {
            String text;
            try {
                text = listing.get();
            } catch (HostFailure e) {
                if (attempt < DUMP_ATTEMPTS && String.valueOf(e.getMessage()).contains(INTERRUPTED)) {
                    continue;
                }
                throw e;
            }
            if (!text.contains(INTERRUPTED) || attempt == DUMP_ATTEMPTS) {
                return parse(text);
            }
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createArrayNode();
        }
        // ip's warnings come first ("Error: Peer netns reference is invalid." for a veth whose peer's namespace is
        // going away), the listing after them
        int json = text.indexOf('[');
        try {
            return JSON.readTree(json > 0 && !text.startsWith("{") ? text.substring(json) : text);
        } catch (IOException e) {
            throw new HostFailure("unreadable output of ip: " + text, e);
        }
    }
}
