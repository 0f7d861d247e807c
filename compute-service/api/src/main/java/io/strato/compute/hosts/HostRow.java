package io.strato.compute.hosts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A compute host as the os-hypervisors, os-services and os-availability-zone APIs show it: its
 * {@code compute_host} row (written by the host reports and the scheduler's claims) and whether it is up now.
 */
record HostRow(int id, UUID uuid, String host, String hypervisorHostname, String hypervisorType, long hypervisorVersion,
               String hostIp, String zone, int vcpus, long memoryMb, long localGb, int vcpusUsed, long memoryMbUsed,
               long localGbUsed, int runningVms, boolean enabled, String disabledReason, boolean forcedDown,
               Instant lastHeartbeat, String cpuArch, boolean up) {

    /** The columns of {@code compute_host h} that {@link #of} reads, in order; {@code up} is the liveness rule's SQL. */
    static String columns(String up) {
        return "id, uuid, host, hypervisor_hostname, hypervisor_type, hypervisor_version, host_ip, " + HostZones.of("h") + ", vcpus, "
                + "memory_mb, local_gb, vcpus_used, memory_mb_used, local_gb_used, running_vms, enabled, disabled_reason, "
                + "forced_down, last_heartbeat, cpu_arch, " + up;
    }

    static HostRow of(Object[] r) {
        return new HostRow(num(r[0]).intValue(), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], num(r[5]).longValue(),
                (String) r[6], (String) r[7], num(r[8]).intValue(), num(r[9]).longValue(), num(r[10]).longValue(),
                num(r[11]).intValue(), num(r[12]).longValue(), num(r[13]).longValue(), num(r[14]).intValue(),
                (Boolean) r[15], (String) r[16], (Boolean) r[17], instant(r[18]), (String) r[19], (Boolean) r[20]);
    }

    private static Number num(Object o) {
        return (Number) o;
    }

    private static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        return o instanceof Instant i ? i : o instanceof java.util.Date d ? d.toInstant() : null;
    }
}
