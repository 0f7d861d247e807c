package io.strato.compute.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hypervisor and service views as Nova shows them at 2.1. */
class HostViewsTest {
    private final UUID uuid = UUID.randomUUID();
    private final HostRow host = new HostRow(7, uuid, "h1", "h1.example", "QEMU", 8002000, "192.0.2.7", "nova", 32, 65536, 500,
            4, 8192, 40, 2, false, "maintenance", false, Instant.parse("2026-01-02T03:04:05.123456Z"), "aarch64", true);

    @Test
    void hypervisorViews() {
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> v21 = json.convertValue(HostViews.hypervisor(host, true), Map.class);
        assertEquals(7, v21.get("id"));
        assertEquals("up", v21.get("state"));
        assertEquals("disabled", v21.get("status"));
        assertEquals("{\"arch\": \"aarch64\"}", v21.get("cpu_info"));
        assertEquals(57344L, v21.get("free_ram_mb"));
        assertEquals(7, ((Map<?, ?>) v21.get("service")).get("id"));
        assertEquals(List.of("id", "hypervisor_hostname", "state", "status", "hypervisor_type", "hypervisor_version",
                "host_ip", "service", "vcpus", "memory_mb", "local_gb", "vcpus_used", "memory_mb_used", "local_gb_used",
                "free_ram_mb", "free_disk_gb", "current_workload", "running_vms", "disk_available_least", "cpu_info"),
                List.copyOf(v21.keySet()));
        assertEquals(List.of("id", "hypervisor_hostname", "state", "status"),
                List.copyOf(json.convertValue(HostViews.hypervisor(host, false), Map.class).keySet()));
        Map<?, ?> withServers = json.convertValue(HostViews.withServers(HostViews.hypervisor(host, false),
                List.<Object[]>of(new Object[] {uuid, "vm"}), io.strato.compute.api.Microversion.MIN), Map.class);
        assertEquals(List.of(Map.of("name", "vm", "uuid", uuid.toString())), withServers.get("servers"));
        // no servers: no key before 2.75, an empty list from it
        assertFalse(json.convertValue(HostViews.withServers(HostViews.hypervisor(host, false), List.of(),
                new io.strato.compute.api.Microversion(2, 74)), Map.class).containsKey("servers"));
        assertEquals(List.of(), json.convertValue(HostViews.withServers(HostViews.hypervisor(host, false), List.of(),
                new io.strato.compute.api.Microversion(2, 75)), Map.class).get("servers"));
    }

    @Test
    void from288TheUsageFieldsAreGoneAndUptimeIsThere() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Map<?, ?> v287 = json.convertValue(HostViews.hypervisor(host, true, new io.strato.compute.api.Microversion(2, 87)), Map.class);
        assertTrue(v287.containsKey("vcpus") && v287.containsKey("cpu_info") && !v287.containsKey("uptime"));
        Map<?, ?> v288 = json.convertValue(HostViews.hypervisor(host, true, new io.strato.compute.api.Microversion(2, 88)), Map.class);
        for (String gone : List.of("vcpus", "memory_mb", "local_gb", "vcpus_used", "memory_mb_used", "local_gb_used",
                "free_ram_mb", "free_disk_gb", "current_workload", "running_vms", "disk_available_least", "cpu_info")) {
            assertFalse(v288.containsKey(gone), gone);
        }
        assertTrue(v288.containsKey("uptime") && v288.get("uptime") == null);
        assertEquals(List.of("id", "hypervisor_hostname", "state", "status", "hypervisor_type", "hypervisor_version",
                "host_ip", "service", "uptime"), List.copyOf(v288.keySet()));
        assertFalse(json.convertValue(HostViews.hypervisor(host, false, new io.strato.compute.api.Microversion(2, 88)), Map.class)
                .containsKey("uptime"));
    }

    @Test
    void serviceViews() {
        @SuppressWarnings("unchecked")
        Map<String, Object> v21 = new ObjectMapper().convertValue(ServiceView.of(host, false), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> v211 = new ObjectMapper().convertValue(ServiceView.of(host, true), Map.class);
        assertEquals(false, v211.get("forced_down"));
        assertEquals(List.of("id", "binary", "host", "zone", "status", "state", "updated_at", "disabled_reason"),
                List.copyOf(v21.keySet()));
        assertEquals("nova-compute", v21.get("binary"));
        assertEquals("2026-01-02T03:04:05.123456", v21.get("updated_at"));
        assertEquals("maintenance", v21.get("disabled_reason"));
        assertEquals(7, v21.get("id"));
        assertFalse(v21.containsKey("forced_down"));
    }

    @Test
    void aZoneIsAvailableWhileOneOfItsHostsIsEnabled() {
        HostRow enabled = new HostRow(8, UUID.randomUUID(), "h2", "h2", "QEMU", 0, null, "nova", 1, 1, 1, 0, 0, 0, 0,
                true, null, false, Instant.now(), null, false);
        HostRow other = new HostRow(9, UUID.randomUUID(), "h3", "h3", "QEMU", 0, null, "edge", 1, 1, 1, 0, 0, 0, 0,
                false, null, false, Instant.now(), null, true);
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> zones = json.convertValue(
                AvailabilityZoneResource.zones(List.of(host, enabled, other), false), List.class);
        assertEquals("nova", zones.get(0).get("zoneName"));
        assertEquals(Map.of("available", true), zones.get(0).get("zoneState"));
        assertEquals("edge", zones.get(1).get("zoneName"));
        assertEquals(Map.of("available", false), zones.get(1).get("zoneState"));
        assertEquals(List.of("zoneName", "zoneState", "hosts"), List.copyOf(zones.get(0).keySet()));
        assertEquals(null, zones.get(0).get("hosts"));
    }
}
