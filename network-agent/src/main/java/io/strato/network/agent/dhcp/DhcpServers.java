package io.strato.network.agent.dhcp;

import inet.ipaddr.IPAddressString;
import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.StateFiles;
import io.strato.network.agent.host.Link;
import io.strato.network.agent.host.Processes;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.plan.DhcpPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One dnsmasq per network with DHCP on this host, in namespace {@code qdhcp-<network>}, plugged into the
 * network's bridge by a veth pair carrying the DHCP port's MAC and addresses. Ports that come and go only
 * rewrite its files and send SIGHUP; a changed command line (a subnet added, the MTU changed) restarts it; a
 * dnsmasq that died is started again. Namespaces of networks no longer served here are removed.
 */
public final class DhcpServers {

    private static final Logger LOG = Logger.getLogger(DhcpServers.class);

    private final Ip ip;
    private final Processes processes;
    private final Path stateDir;
    private final DhcpPortRequests portRequests;

    public DhcpServers(Ip ip, Processes processes, Path stateDir, DhcpPortRequests portRequests) {
        this.ip = ip;
        this.processes = processes;
        this.stateDir = stateDir;
        this.portRequests = portRequests;
    }

    /** Applies the plans; returns how many servers were started, restarted, reloaded or removed. */
    public int apply(List<DhcpPlan> plans) {
        Set<String> namespaces = ip.namespaces();
        Map<String, Link> hostLinks = ip.links(null);
        Set<String> wanted = new HashSet<>();
        int changes = 0;
        for (DhcpPlan plan : plans) {
            wanted.add(plan.namespace());
            if (plan.port() == null) {
                portRequests.request(plan.networkId(), plan.subnets().stream().map(SubnetInfo::id).toList());
                continue;
            }
            changes += serve(plan, namespaces, hostLinks);
        }
        for (String ns : namespaces) {
            if (ns.startsWith("qdhcp-") && !wanted.contains(ns) && ownNamespace(ns)) {
                changes += retire(ns, hostLinks);
            }
        }
        return changes;
    }

    /** The network's directory of dnsmasq files. */
    Path dir(UUID networkId) {
        return stateDir.resolve("dhcp").resolve(networkId.toString());
    }

    private int serve(DhcpPlan plan, Set<String> namespaces, Map<String, Link> hostLinks) {
        PortInfo port = plan.port();
        String ns = plan.namespace();
        String hostEnd = port.tapName();
        String nsEnd = "ns-" + port.id().toString().substring(0, 11);
        int changes = 0;
        if (!namespaces.contains(ns)) {
            ip.addNamespace(ns);
            ip.inNamespace(ns, "link", "set", "lo", "up");
            changes++;
        }
        Link host = hostLinks.get(hostEnd);
        if (host == null) {
            if (ip.links(ns).containsKey(nsEnd)) {
                ip.inNamespace(ns, "link", "del", nsEnd);
            }
            ip.addVeth(hostEnd, nsEnd, ns, port.macAddress(), plan.mtu());
            changes++;
        }
        if (host == null || !plan.bridge().equals(host.master())) {
            ip.setMaster(hostEnd, plan.bridge());
        }
        if (host == null || !host.up()) {
            ip.setUp(hostEnd, true);
        }
        ip.inNamespace(ns, "link", "set", nsEnd, "up");
        changes += addresses(plan, ns, nsEnd);
        DnsmasqConfig config = new DnsmasqConfig(plan, dir(plan.networkId()), nsEnd);
        boolean taggedBefore = tagsHosts(config.hostsFile());
        boolean filesChanged = write(config);
        // dnsmasq 2.90 segfaults at a SIGHUP once a host of a hosts file with a set: tag (a port with extra_dhcp_opts) has
        // leased and the files were re-read before (lease, HUP, HUP is enough): such files are given by a restart
        boolean reloadByRestart = filesChanged && (taggedBefore || !plan.options().isEmpty());
        String running = processes.commandLine(config.pidFile());
        List<String> command = config.command();
        if (running == null || !running.equals(String.join(" ", command)) || reloadByRestart) {
            if (running != null) {
                LOG.infof("restarting dnsmasq of network %s: its %s changed", plan.networkId(),
                        reloadByRestart ? "ports' DHCP options or hosts" : "configuration");
                processes.stop(config.pidFile());
            } else {
                LOG.infof("starting dnsmasq for network %s in %s", plan.networkId(), ns);
            }
            processes.startInNamespace(ns, command);
            changes++;
        } else if (filesChanged) {
            processes.hangUp(config.pidFile());
            changes++;
        }
        return changes;
    }

    /** The DHCP port's addresses (with their subnets' prefixes) and the metadata address on the namespace end. */
    private int addresses(DhcpPlan plan, String ns, String nsEnd) {
        Set<String> want = new TreeSet<>();
        for (PortInfo.FixedIp f : plan.port().fixedIps()) {
            plan.subnets().stream().filter(s -> s.id().equals(f.subnetId())).findFirst().ifPresent(s -> want.add(
                    f.ipAddress() + "/" + new IPAddressString(s.cidr()).getNetworkPrefixLength()));
        }
        if (plan.subnets().stream().anyMatch(s -> s.ipVersion() == 4)) {
            want.add(DnsmasqConfig.METADATA_ADDRESS + "/32");
        }
        return ip.syncAddresses(ns, nsEnd, want, ip.addresses(ns, nsEnd));
    }

    private boolean write(DnsmasqConfig c) {
        try {
            Files.createDirectories(c.dir());
            boolean changed = writeIfChanged(c.hostsFile(), c.hosts());
            changed |= writeIfChanged(c.namesFile(), c.names());
            changed |= writeIfChanged(c.optsFile(), c.options());
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the hosts file sets a port's tag (its port has DHCP options of its own). */
    private static boolean tagsHosts(Path hostsFile) {
        try {
            return Files.exists(hostsFile) && Files.readString(hostsFile, StandardCharsets.UTF_8).contains(",set:");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean writeIfChanged(Path file, String text) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Whether this agent serves the namespace's network (its files are in this agent's state directory). */
    private boolean ownNamespace(String ns) {
        try {
            return Files.isDirectory(dir(UUID.fromString(ns.substring("qdhcp-".length()))));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private int retire(String ns, Map<String, Link> hostLinks) {
        UUID networkId;
        try {
            networkId = UUID.fromString(ns.substring("qdhcp-".length()));
        } catch (IllegalArgumentException e) {
            return 0;
        }
        LOG.infof("removing the DHCP server of network %s: no port of it is here any more", networkId);
        Path dir = dir(networkId);
        processes.stop(dir.resolve("pid"));
        // the bridge end first, so the bridge is free in this pass (prune runs after it)
        ip.deleteNamespaceAndVeths(ns, hostLinks, "ns-");
        StateFiles.deleteTree(dir);
        return 1;
    }


}
