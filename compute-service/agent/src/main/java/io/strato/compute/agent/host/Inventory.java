package io.strato.compute.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.compute.agent.Json;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.DomainStatus;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.agent.libvirt.NodeInventory;
import io.strato.compute.protocol.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The host's {@link Reports.Host}: vCPUs and memory from libvirt's {@code nodeInfo()} (memory less the
 * host's reserve), local disk from configuration or the instance directory's file system (less its
 * reserve), and the servers whose domains are here.
 */
public final class Inventory {

    private static final long GIB = 1024L * 1024 * 1024;

    /** Where the host is and what it keeps for itself. */
    public record Settings(String host, String availabilityZone, String hostIp, long reservedMemoryMb,
                           long reservedDiskGb, Optional<Long> diskGb) {
    }

    private final LibvirtHost libvirt;
    private final InstanceStore store;
    private final Settings settings;

    public Inventory(LibvirtHost libvirt, InstanceStore store, Settings settings) {
        this.libvirt = libvirt;
        this.store = store;
        this.settings = settings;
    }

    /**
     * The heartbeat as sent: {@link Reports.Host} plus {@code cpu_arch}, the host's architecture, which
     * compute-service's scheduler reads for the image-properties filter (not a component of the protocol
     * record, so older readers simply ignore it).
     */
    public ObjectNode heartbeat() {
        NodeInventory node = libvirt.inventory();
        ObjectNode json = Json.MAPPER.valueToTree(report(node));
        json.put("cpu_arch", node.arch());
        return json;
    }

    public Reports.Host report() {
        return report(libvirt.inventory());
    }

    private Reports.Host report(NodeInventory node) {
        List<DomainStatus> domains = libvirt.domains();
        List<UUID> serverIds = domains.stream().map(DomainStatus::serverId).sorted().toList();
        int running = (int) domains.stream().filter(d -> d.power().active()).count();
        long memoryMb = Math.max(0, node.memoryKiB() / 1024 - settings.reservedMemoryMb());
        return new Reports.Host(settings.host(), settings.availabilityZone(), node.hypervisorType(),
                node.hypervisorVersion(), settings.host(), settings.hostIp(), node.cpus(), memoryMb, diskGb(), running,
                serverIds, Instant.now());
    }

    private long diskGb() {
        long total = settings.diskGb().orElseGet(() -> {
            try {
                return Files.getFileStore(store.root()).getTotalSpace() / GIB;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + store.root(), e);
            }
        });
        return Math.max(0, total - settings.reservedDiskGb());
    }
}
