package io.strato.compute.hosts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import io.strato.kit.data.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An agent's inventory and heartbeat ({@link Reports.Host}) becomes its {@code compute_host} row:
 * inserted at the first report, updated at every later one. Only what the agent knows is written
 * (inventory, hypervisor, zone, running VMs, heartbeat) plus the configured allocation ratios; the
 * scheduler's {@code *_used} claim counters, enabled/disabled and forced_down are never touched.
 * Liveness counts from the {@link HeartbeatClock}'s value when the report is consumed
 * ({@code heartbeat_clock_ms}, see {@link HostLiveness}); {@code last_heartbeat}, which os-services shows
 * as updated_at, is the report's own time (never in the future, never moving backwards).
 *
 * <p>An optional {@code cpu_arch} field of the report (not in the record yet) sets the host's
 * architecture for ImagePropertiesFilter.
 */
@ApplicationScoped
public class HostReportHandler implements EventHandler {
    private static final Logger LOG = Logger.getLogger(HostReportHandler.class);
    private static final String TYPE = Topics.reportType(Reports.HOST);

    private static final String UPSERT = "INSERT INTO compute_host (uuid, host, hypervisor_hostname, hypervisor_type, "
            + "hypervisor_version, host_ip, availability_zone, cpu_arch, vcpus, memory_mb, local_gb, running_vms, "
            + "cpu_allocation_ratio, ram_allocation_ratio, disk_allocation_ratio, last_heartbeat, heartbeat_clock_ms, updated_at) "
            + "VALUES (:uuid, :host, :hhn, :htype, :hver, :ip, :az, :arch, :vcpus, :mem, :disk, :running, "
            + ":cpuRatio, :ramRatio, :diskRatio, LEAST(CAST(:at AS timestamptz), now()), " + HeartbeatClock.NOW_SQL + ", now()) "
            + "ON CONFLICT (host) DO UPDATE SET hypervisor_hostname = excluded.hypervisor_hostname, "
            + "hypervisor_type = excluded.hypervisor_type, hypervisor_version = excluded.hypervisor_version, "
            + "host_ip = excluded.host_ip, availability_zone = excluded.availability_zone, "
            + "cpu_arch = excluded.cpu_arch, vcpus = excluded.vcpus, memory_mb = excluded.memory_mb, "
            + "local_gb = excluded.local_gb, running_vms = excluded.running_vms, "
            + "cpu_allocation_ratio = excluded.cpu_allocation_ratio, ram_allocation_ratio = excluded.ram_allocation_ratio, "
            + "disk_allocation_ratio = excluded.disk_allocation_ratio, "
            + "last_heartbeat = GREATEST(compute_host.last_heartbeat, excluded.last_heartbeat), "
            + "heartbeat_clock_ms = GREATEST(compute_host.heartbeat_clock_ms, excluded.heartbeat_clock_ms), updated_at = now()";

    private final ObjectMapper mapper;
    private final AllocationRatios ratios;

    public HostReportHandler(ObjectMapper mapper, AllocationRatios ratios) {
        this.mapper = mapper;
        this.ratios = ratios;
    }

    @Override
    public String topic() {
        return Topics.REPORTS;
    }

    @Override
    public boolean accepts(String type) {
        return TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        Reports.Host report;
        try {
            report = event.data() == null ? null : mapper.treeToValue(event.data(), Reports.Host.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("host report %s is not readable (%s); ignored", event.id(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String problem = problem(report);
        if (problem != null) {
            LOG.warnf("host report %s ignored: %s", event.id(), problem);
            return Uni.createFrom().voidItem();
        }
        return upsert(report, cpuArch(event.data()));
    }

    /** Writes the report into the host's row. Needs a transaction (the kit's event transaction). */
    public Uni<Void> upsert(Reports.Host r, String cpuArch) {
        Instant at = r.at() != null ? r.at() : Instant.now();
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                        .setParameter("uuid", UUID.randomUUID())
                        .setParameter("host", r.host())
                        .setParameter("hhn", orDefault(r.hypervisorHostname(), r.host()))
                        .setParameter("htype", orDefault(r.hypervisorType(), "QEMU"))
                        .setParameter("hver", r.hypervisorVersion())
                        .setParameter("ip", r.hostIp())
                        .setParameter("az", orDefault(r.availabilityZone(), "nova"))
                        .setParameter("arch", orDefault(cpuArch, "x86_64"))
                        .setParameter("vcpus", r.vcpus())
                        .setParameter("mem", r.memoryMb())
                        .setParameter("disk", r.localGb())
                        .setParameter("running", r.runningVms())
                        .setParameter("cpuRatio", ratios.cpuAllocationRatio())
                        .setParameter("ramRatio", ratios.ramAllocationRatio())
                        .setParameter("diskRatio", ratios.diskAllocationRatio())
                        .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static String problem(Reports.Host r) {
        if (r == null || r.host() == null || r.host().isBlank()) {
            return "no host name";
        }
        if (tooLong(r.host(), 255) || tooLong(r.hypervisorHostname(), 255) || tooLong(r.availabilityZone(), 255)
                || tooLong(r.hypervisorType(), 32) || tooLong(r.hostIp(), 64)) {
            return "a name longer than its column from " + r.host();
        }
        if (r.vcpus() < 0 || r.memoryMb() < 0 || r.localGb() < 0 || r.runningVms() < 0) {
            return "negative inventory from " + r.host();
        }
        return null;
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    private static String cpuArch(JsonNode data) {
        JsonNode arch = data.get("cpu_arch");
        return arch != null && arch.isTextual() && !arch.asText().isBlank() && arch.asText().length() <= 32
                ? arch.asText() : null;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
