package io.strato.compute.hosts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's JSON of hypervisors and compute services at 2.1: ids are {@code compute_host.id} integers, cpu_info is a
 * JSON string, no forced_down.
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

    static String state(HostRow h) {
        return h.up() ? "up" : "down";
    }

    static String status(HostRow h) {
        return h.enabled() ? "enabled" : "disabled";
    }

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    static Map<String, Object> hypervisor(HostRow h, boolean detail) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id(h));
        v.put("hypervisor_hostname", h.hypervisorHostname());
        v.put("state", state(h));
        v.put("status", status(h));
        if (!detail) {
            return v;
        }
        v.put("hypervisor_type", h.hypervisorType());
        v.put("hypervisor_version", h.hypervisorVersion());
        v.put("host_ip", h.hostIp());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", h.host());
        service.put("id", id(h));
        service.put("disabled_reason", h.disabledReason());
        v.put("service", service);
        v.put("vcpus", h.vcpus());
        v.put("memory_mb", h.memoryMb());
        v.put("local_gb", h.localGb());
        v.put("vcpus_used", h.vcpusUsed());
        v.put("memory_mb_used", h.memoryMbUsed());
        v.put("local_gb_used", h.localGbUsed());
        v.put("free_ram_mb", h.memoryMb() - h.memoryMbUsed());
        v.put("free_disk_gb", h.localGb() - h.localGbUsed());
        v.put("current_workload", 0);
        v.put("running_vms", h.runningVms());
        v.put("disk_available_least", h.localGb() - h.localGbUsed());
        v.put("cpu_info", "{\"arch\": \"" + (h.cpuArch() == null ? "x86_64" : h.cpuArch()) + "\"}");
        return v;
    }

    /** With the servers on the host ({@code [{"name", "uuid"}]}). */
    static Map<String, Object> withServers(Map<String, Object> hypervisor, List<Object[]> servers) {
        hypervisor.put("servers", servers.stream().map(s -> Map.of("uuid", s[0].toString(), "name", (String) s[1])).toList());
        return hypervisor;
    }

    /** Sums over every hypervisor ({@code /os-hypervisors/statistics}). */
    static Map<String, Object> statistics(List<HostRow> hosts) {
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
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", hosts.size());
        v.put("vcpus", vcpus);
        v.put("vcpus_used", vcpusUsed);
        v.put("memory_mb", mem);
        v.put("memory_mb_used", memUsed);
        v.put("free_ram_mb", mem - memUsed);
        v.put("local_gb", disk);
        v.put("local_gb_used", diskUsed);
        v.put("free_disk_gb", disk - diskUsed);
        v.put("disk_available_least", disk - diskUsed);
        v.put("current_workload", 0);
        v.put("running_vms", running);
        return v;
    }
}
