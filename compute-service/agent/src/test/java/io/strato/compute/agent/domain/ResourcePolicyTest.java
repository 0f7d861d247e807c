package io.strato.compute.agent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcePolicyTest {

    static String refused(Map<String, String> specs) {
        return assertThrows(InvalidResourcePolicy.class, () -> ResourcePolicy.from(specs, 2048)).getMessage();
    }

    @Test
    void readsEveryFamilyAndIgnoresOtherSpecs() {
        ResourcePolicy p = ResourcePolicy.from(Map.of("quota:cpu_shares", "100", "quota:cpu_quota", "-1",
                "quota:memory_swap_limit", "4096", "quota:disk_read_bytes_sec", "1000",
                "quota:disk_read_bytes_sec_max", "2000", "quota:vif_outbound_average", "10",
                "hw:mem_page_size", "large", "quota:unknown_thing", "x"), 2048);
        assertEquals(100, p.cpu().shares().getAsLong());
        assertEquals(-1, p.cpu().quota().getAsLong());
        assertTrue(p.cpu().period().isEmpty());
        assertEquals(4096, p.memory().swapHardLimitMib().getAsLong());
        assertEquals(Map.of(IoLimit.READ_BYTES_SEC, 1000L, IoLimit.READ_BYTES_SEC_MAX, 2000L), p.disk());
        assertEquals(10, p.outbound().average().getAsLong());
        assertTrue(p.inbound().isEmpty());
    }

    @Test
    void noSpecsNoPolicy() {
        ResourcePolicy p = ResourcePolicy.from(null, 512);
        assertTrue(p.cpu().isEmpty() && p.memory().isEmpty() && p.disk().isEmpty() && p.inbound().isEmpty());
    }

    @Test
    void refusesNonNumbersAndOutOfRange() {
        assertEquals("quota:cpu_shares=lots is not an integer", refused(Map.of("quota:cpu_shares", "lots")));
        assertTrue(refused(Map.of("quota:cpu_period", "10")).contains("out of range [1000, 1000000]"));
        assertTrue(refused(Map.of("quota:cpu_quota", "5")).contains("must be -1 or between 1000"));
        assertTrue(refused(Map.of("quota:disk_total_iops_sec", "-3")).contains("out of range"));
    }

    @Test
    void refusesContradictoryLimits() {
        assertTrue(refused(Map.of("quota:memory_limit", "1024")).contains("below the flavor's RAM 2048 MiB"));
        assertTrue(refused(Map.of("quota:memory_limit", "3000", "quota:memory_reservation", "4000"))
                .contains("exceeds quota:memory_limit"));
        assertTrue(refused(Map.of("quota:memory_swap_limit", "1000")).contains("below the memory limit 2048"));
        assertEquals("quota:disk_read_iops_sec cannot be combined with quota:disk_total_iops_sec",
                refused(Map.of("quota:disk_total_iops_sec", "10", "quota:disk_read_iops_sec", "5")));
        assertEquals("quota:disk_write_bytes_sec_max needs quota:disk_write_bytes_sec too",
                refused(Map.of("quota:disk_write_bytes_sec_max", "10")));
        assertTrue(refused(Map.of("quota:vif_inbound_peak", "10")).contains("need quota:vif_inbound_average"));
    }
}
