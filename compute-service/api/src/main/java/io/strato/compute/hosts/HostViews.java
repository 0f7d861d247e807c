package io.strato.compute.hosts;

import io.strato.compute.api.Microversion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Nova's JSON of hypervisors and compute services: ids are {@code compute_host.id} integers, cpu_info a JSON string
 * before 2.28 and an object from it, forced_down from 2.11.
 */
final class HostViews {
    static final String COMPUTE = "nova-compute";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private HostViews() {
    }

    static int id(HostRow h) {
        return h.id();
    }

    /** The id a request at {@code version} sees: the integer before 2.53, the UUID from it. */
    static Object id(HostRow h, Microversion version) {
        return version.atLeast(53) ? h.uuid().toString() : h.id();
    }

    static String state(HostRow h) {
        return h.up() ? "up" : "down";
    }

    static String status(HostRow h) {
        return h.enabled() ? "enabled" : "disabled";
    }

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    static HypervisorView hypervisor(HostRow h, boolean detail) {
        return hypervisor(h, detail, Microversion.MIN);
    }

    /** A hypervisor at {@code version}: cpu_info an object from 2.28, no usage fields but uptime from 2.88. */
    static HypervisorView hypervisor(HostRow h, boolean detail, Microversion version) {
        String arch = h.cpuArch() == null ? "x86_64" : h.cpuArch();
        Object cpuInfo = version.atLeast(28) ? java.util.Map.of("arch", arch) : "{\"arch\": \"" + arch + "\"}";
        boolean v288 = version.atLeast(88); // usage fields gone, uptime (agents report none: null) in their place
        HypervisorView.Usage usage = v288 ? null : new HypervisorView.Usage(
                h.vcpus(), h.memoryMb(), h.localGb(), h.vcpusUsed(), h.memoryMbUsed(), h.localGbUsed(),
                h.memoryMb() - h.memoryMbUsed(), h.localGb() - h.localGbUsed(), 0, h.runningVms(),
                h.localGb() - h.localGbUsed(), cpuInfo);
        return new HypervisorView(id(h, version), h.hypervisorHostname(), state(h), status(h), detail ? new HypervisorView.Detail(
                h.hypervisorType(), h.hypervisorVersion(), h.hostIp(),
                new HypervisorView.Service(h.host(), id(h, version), h.disabledReason()), usage,
                v288 ? java.util.Optional.empty() : null) : null, null);
    }

    /** With the servers on the host ({@code [{"name", "uuid"}]}); none: no key before 2.75, [] from it. */
    static HypervisorView withServers(HypervisorView hypervisor, List<Object[]> servers, Microversion version) {
        return new HypervisorView(hypervisor.id(), hypervisor.hypervisorHostname(), hypervisor.state(),
                hypervisor.status(), hypervisor.detail(), servers.isEmpty() && !version.atLeast(75) ? null
                : servers.stream().map(s -> new HypervisorView.Server((String) s[1], s[0].toString())).toList());
    }

    /** Sums over every hypervisor ({@code /os-hypervisors/statistics}). */
    static HypervisorView.Statistics statistics(List<HostRow> hosts) {
        long vcpus = 0, vcpusUsed = 0, mem = 0, memUsed = 0, disk = 0, diskUsed = 0, running = 0;
        for (HostRow h : hosts) {
            vcpus += h.vcpus();
            vcpusUsed += h.vcpusUsed();
            mem += h.memoryMb();
            memUsed += h.memoryMbUsed();
            disk += h.localGb();
            diskUsed += h.localGbUsed();
            running += h.runningVms();
        }
        return new HypervisorView.Statistics(hosts.size(), vcpus, vcpusUsed, mem, memUsed, mem - memUsed, disk, diskUsed,
                disk - diskUsed, disk - diskUsed, 0, running);
    }
}
