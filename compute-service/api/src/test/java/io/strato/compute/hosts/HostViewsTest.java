package io.strato.compute.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What changes with the microversion in hypervisor and service views (2.11, 2.28, 2.53, 2.88). */
class HostViewsTest {
    private final UUID uuid = UUID.randomUUID();
    private final HostRow host = new HostRow(7, uuid, "h1", "h1.example", "QEMU", 8002000, "192.0.2.7", "nova", 32, 65536, 500,
            4, 8192, 40, 2, false, "maintenance", false, Instant.parse("2026-01-02T03:04:05.123456Z"), "aarch64", true);

    @Test
    void hypervisorViews() {
        Map<String, Object> v21 = HostViews.hypervisor(host, true, 1);
        assertEquals(7, v21.get("id"));
        assertEquals("up", v21.get("state"));
        assertEquals("disabled", v21.get("status"));
        assertEquals("{\"arch\": \"aarch64\"}", v21.get("cpu_info"));
        assertEquals(57344L, v21.get("free_ram_mb"));
        assertEquals(Map.of("arch", "aarch64"), HostViews.hypervisor(host, true, 28).get("cpu_info"));
        Map<String, Object> v253 = HostViews.hypervisor(host, true, 53);
        assertEquals(uuid.toString(), v253.get("id"));
        assertEquals(uuid.toString(), ((Map<?, ?>) v253.get("service")).get("id"));
        Map<String, Object> v288 = HostViews.hypervisor(host, true, 88);
        assertFalse(v288.containsKey("vcpus") || v288.containsKey("cpu_info") || v288.containsKey("free_disk_gb"));
        assertTrue(v288.containsKey("host_ip"));
        assertEquals(List.of("id", "hypervisor_hostname", "state", "status"), List.copyOf(HostViews.hypervisor(host, false, 1).keySet()));
    }

    @Test
    void serviceViews() {
        Map<String, Object> v21 = HostViews.service(host, 1);
        assertEquals("nova-compute", v21.get("binary"));
        assertEquals("2026-01-02T03:04:05.123456", v21.get("updated_at"));
        assertEquals("maintenance", v21.get("disabled_reason"));
        assertFalse(v21.containsKey("forced_down"));
        assertEquals(false, HostViews.service(host, 11).get("forced_down"));
        assertEquals(uuid.toString(), HostViews.service(host, 53).get("id"));
    }

    @Test
    void aZoneIsAvailableWhileOneOfItsHostsIsEnabled() {
        HostRow enabled = new HostRow(8, UUID.randomUUID(), "h2", "h2", "QEMU", 0, null, "nova", 1, 1, 1, 0, 0, 0, 0,
                true, null, false, Instant.now(), null, false);
        HostRow other = new HostRow(9, UUID.randomUUID(), "h3", "h3", "QEMU", 0, null, "edge", 1, 1, 1, 0, 0, 0, 0,
                false, null, false, Instant.now(), null, true);
        List<Map<String, Object>> zones = AvailabilityZoneResource.zones(List.of(host, enabled, other), false);
        assertEquals("nova", zones.get(0).get("zoneName"));
        assertEquals(Map.of("available", true), zones.get(0).get("zoneState"));
        assertEquals("edge", zones.get(1).get("zoneName"));
        assertEquals(Map.of("available", false), zones.get(1).get("zoneState"));
    }
}
