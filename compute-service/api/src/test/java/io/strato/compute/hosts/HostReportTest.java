package io.strato.compute.hosts;

import static io.strato.compute.scheduler.HostRows.inTransaction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import io.strato.compute.scheduler.Fixtures;
import io.strato.compute.scheduler.HostRows;
import io.strato.compute.scheduler.NoValidHost;
import io.strato.compute.scheduler.RequestSpec;
import io.strato.compute.scheduler.Scheduler;
import io.strato.compute.scheduler.SchedulerInfra;
import io.strato.compute.scheduler.SchedulerTestProfile;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.events.StratoEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SchedulerInfra
@TestProfile(SchedulerTestProfile.class)
class HostReportTest {
    @Inject
    HostReportHandler handler;
    @Inject
    HostMonitor monitor;
    @Inject
    HostLiveness liveness;
    @Inject
    Scheduler scheduler;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;

    private HostRows rows;
    private String zone;
    private String host;

    @BeforeEach
    void setUp() {
        rows = new HostRows(dataSource);
        zone = HostRows.zone();
        host = zone + "-agent";
    }

    private Reports.Host report(Instant at) {
        return new Reports.Host(host, zone, "QEMU", 8002000, host + ".example", "10.0.0.5", 32, 65536, 500, 0,
                List.of(), at);
    }

    private void deliver(Reports.Host report, Map<String, String> extra) {
        ObjectNode data = mapper.valueToTree(report);
        extra.forEach(data::put);
        StratoEvent event = new StratoEvent(UUID.randomUUID(), Topics.reportType(Reports.HOST), "/agent/" + host, host,
                OffsetDateTime.now(), data);
        assertTrue(handler.accepts(event.type()));
        inTransaction(() -> handler.handle(event));
    }

    private String schedule() {
        return inTransaction(() -> scheduler.schedule(new RequestSpec(UUID.randomUUID(), "p",
                Fixtures.flavor(2, 2048, 20), Map.of(), zone, null, null, null, Set.of())));
    }

    @Test
    void aReportCreatesTheHostAndLaterReportsLeaveTheClaimsAlone() {
        deliver(report(Instant.now()), Map.of("cpu_arch", "aarch64"));
        assertEquals("32 65536 500 QEMU 8002000 10.0.0.5 aarch64 16 1.5 1 t f", rows.string(
                "SELECT concat_ws(' ', vcpus, memory_mb, local_gb, hypervisor_type, hypervisor_version, host_ip, cpu_arch, "
                        + "cpu_allocation_ratio, ram_allocation_ratio, disk_allocation_ratio, enabled, forced_down) "
                        + "FROM compute_host WHERE host = ?", host));

        assertEquals(host, schedule());
        rows.update("UPDATE compute_host SET enabled = false, disabled_reason = 'maintenance' WHERE host = ?", host);
        deliver(new Reports.Host(host, zone, "QEMU", 8002000, host + ".example", "10.0.0.5", 48, 131072, 900, 1,
                List.of(), Instant.now()), Map.of());
        assertArrayEquals(new long[] {2, 2048, 20}, rows.used(host), "claims survive a report");
        assertEquals("48 131072 900 1 f maintenance", rows.string("SELECT concat_ws(' ', vcpus, memory_mb, local_gb, "
                + "running_vms, enabled, disabled_reason) FROM compute_host WHERE host = ?", host));
    }

    @Test
    void aHostSilentForTheDownTimeIsDownAndNotScheduledToUntilItReportsAgain() {
        deliver(report(Instant.now()), Map.of());
        rows.silence(host, 300);
        assertThrows(NoValidHost.class, this::schedule);
        assertTrue(inTransaction(liveness::downHosts).contains(host));

        deliver(report(Instant.now()), Map.of());
        assertEquals(host, schedule());
        assertFalse(inTransaction(liveness::downHosts).contains(host));
    }

    @Test
    void aLateReportDoesNotMoveTheHeartbeatBackNorOneFromTheFutureAhead() {
        deliver(report(Instant.now()), Map.of());
        deliver(report(Instant.now().minusSeconds(300)), Map.of());
        assertEquals(host, schedule(), "still up after a report that waited in Kafka");
        deliver(report(Instant.now().plusSeconds(3600)), Map.of());
        assertEquals("t", rows.string("SELECT last_heartbeat <= now() FROM compute_host WHERE host = ?", host));
    }

    @Test
    void aReportAnAgentPublishesOnKafkaReachesTheHostRow() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            byte[] event = CloudEventCodec.encode(UUID.randomUUID(), Topics.reportType(Reports.HOST), "/compute-agent/" + host,
                    host, OffsetDateTime.now(), mapper.writeValueAsString(report(Instant.now())));
            producer.send(new ProducerRecord<>(Topics.REPORTS, host, event)).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> rows.string("SELECT host FROM compute_host WHERE host = ?", host) != null);
        assertEquals("32 65536", rows.string("SELECT concat_ws(' ', vcpus, memory_mb) FROM compute_host WHERE host = ?", host));
        assertEquals(host, schedule());
    }

    @Test
    void aReportWithoutAHostNameIsIgnored() {
        deliver(new Reports.Host(" ", zone, "QEMU", 1, "x", null, 1, 1, 1, 0, List.of(), Instant.now()), Map.of());
        assertEquals("0", rows.string("SELECT count(*) FROM compute_host WHERE availability_zone = ?", zone));
    }

    @Test
    void theServersOfAHostThatGoesDownLoseTheirPowerStateUntilItIsBack() {
        deliver(report(Instant.now()), Map.of());
        UUID running = rows.server(host);
        UUID stopped = rows.server(host);
        UUID busy = rows.server(host);
        rows.update("UPDATE server SET vm_state = 'stopped', power_state = 4 WHERE id = ?", stopped);
        rows.update("UPDATE server SET task_state = 'rebooting' WHERE id = ?", busy);

        rows.silence(host, 300);
        sweep();
        assertEquals(0, powerState(running));
        assertEquals(0, powerState(stopped));
        assertEquals(1, powerState(busy), "a server in the middle of a task is left to its saga");
        assertEquals("active", rows.string("SELECT vm_state FROM server WHERE id = ?", running), "status stays as Nova's");

        deliver(report(Instant.now()), Map.of());
        sweep();
        assertEquals(1, powerState(running));
        assertEquals(4, powerState(stopped));
        assertEquals("0", rows.string("SELECT count(*) FROM host_down_server WHERE host = ?", host));
    }

    private void sweep() {
        HostRows.sweep(monitor);
    }

    private long powerState(UUID server) {
        return rows.powerState(server);
    }
}
