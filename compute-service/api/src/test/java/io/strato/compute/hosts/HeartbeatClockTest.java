package io.strato.compute.hosts;

import static io.strato.compute.scheduler.HostRows.inTransaction;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import io.strato.compute.scheduler.Fixtures;
import io.strato.compute.scheduler.HostRows;
import io.strato.compute.scheduler.NoValidHost;
import io.strato.compute.scheduler.RequestSpec;
import io.strato.compute.scheduler.Scheduler;
import io.strato.compute.scheduler.SchedulerInfra;
import io.strato.compute.scheduler.SchedulerTestProfile;
import io.strato.kit.events.StratoEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host liveness on the heartbeat clock (issue 16): silence counts only while probes come back through
 * the reports topic. The clock is moved as consuming probes moves it (the periodic probe is off in this
 * profile); "wall time passing during an outage" is the clock's last probe time and the hosts' last
 * heartbeats moved back, with no probe consumed.
 */
@QuarkusTest
@SchedulerInfra
@TestProfile(SchedulerTestProfile.class)
class HeartbeatClockTest {
    @Inject
    HeartbeatClock clock;
    @Inject
    HeartbeatProbe probe;
    @Inject
    HostReportHandler reports;
    @Inject
    HostMonitor monitor;
    @Inject
    HostLiveness liveness;
    @Inject
    Hosts hosts;
    @Inject
    Scheduler scheduler;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;

    private HostRows rows;
    private String zone;

    @BeforeEach
    void setUp() {
        rows = new HostRows(dataSource);
        zone = HostRows.zone();
    }

    @Test
    void aProbeAdvancesTheClockByTheTimeSinceThePreviousOneAtMostTwoIntervals() {
        long afterThree = probeAfter(3);
        assertTrue(afterThree >= 3000 && afterThree < 4000, "3 s between probes: " + afterThree);
        assertEquals(10_000, probeAfter(3600), "two probe intervals (5 s) at most, however long the gap");
    }

    @Test
    void aHostThatStopsHeartbeatingWhileKafkaDeliversGoesDownAfterTheDownTime() {
        String host = heartbeat("stops");
        UUID server = rows.server(host);
        for (int i = 0; i < 5; i++) {
            probeAfter(10);
        }
        assertTrue(up(host), "50 s of silence");
        sweep();
        assertEquals(1, powerState(server));

        probeAfter(10);
        assertFalse(up(host), "60 s of silence");
        assertThrows(NoValidHost.class, this::schedule);
        sweep();
        assertEquals(0, powerState(server), "the monitor marks its servers as it did before the clock");
    }

    @Test
    void duringAnOutageNoHostGoesDownAndAfterItOnlyTheOneThatStaysSilentDoes() {
        String live = heartbeat("live");
        String dead = heartbeat("dead");
        UUID onLive = rows.server(live);
        UUID onDead = rows.server(dead);

        outage(300);
        assertEquals("t", rows.string("SELECT bool_and(last_heartbeat < now() - interval '60 seconds') FROM compute_host "
                + "WHERE host IN (?, ?)", live, dead), "silent for 5 minutes on the wall clock (down by the old rule)");
        assertTrue(up(live) && up(dead), "no host is down for Kafka's outage");
        assertFalse(inTransaction(liveness::downHosts).contains(dead));
        sweep();
        assertEquals(1, powerState(onLive));
        assertEquals(1, powerState(onDead));
        assertTrue(Set.of(live, dead).contains(schedule()), "the scheduler still finds the hosts");

        assertEquals(10_000, probeAfter(300), "Kafka is back: the first probe adds two intervals, not the outage");
        heartbeat("live");
        for (int i = 0; i < 4; i++) {
            probeAfter(10);
            heartbeat("live");
        }
        assertTrue(up(live) && up(dead), "50 s of channel time since the outage began");
        probeAfter(10);
        heartbeat("live");
        assertTrue(up(live), "heartbeats resumed");
        assertFalse(up(dead), "60 s of channel time without a heartbeat");
        sweep();
        assertEquals(1, powerState(onLive));
        assertEquals(0, powerState(onDead));
    }

    @Test
    void aRestartAfterALongStopMarksNoHostDown() {
        String host = heartbeat("restart");
        outage(3600); // every compute-service stopped for an hour: nobody consumed a probe
        probeAfter(3600);
        assertTrue(up(host));
        assertFalse(inTransaction(liveness::downHosts).contains(host));
    }

    @Test
    void aHostNeverHeardOfIsDown() {
        String host = zone + "-unheard";
        rows.update("INSERT INTO compute_host (uuid, host, hypervisor_hostname, availability_zone, vcpus, memory_mb, local_gb) "
                + "VALUES (?, ?, ?, ?, 32, 65536, 500)", UUID.randomUUID(), host, host, zone);
        assertFalse(up(host));
        assertTrue(inTransaction(liveness::downHosts).contains(host));
        assertThrows(NoValidHost.class, this::schedule);
    }

    @Test
    void aProbeTravelsThroughTheOutboxAndKafkaAndMovesTheClock() {
        assertEquals(List.of(true, false), inTransaction(() -> probe.probe().chain(first -> probe.probe()
                .map(second -> List.of(first, second)))), "one unpublished probe per instance at a time");
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> "t".equals(rows.string("SELECT bool_and(c.probed_at >= e.processed_at AND o.published_at IS NOT NULL) FROM strato_outbox o "
                        + "JOIN strato_processed_event e ON e.id = o.id, compute_heartbeat_clock c "
                        + "WHERE o.partition_key = ? AND o.type = ?", probe.instance(), HeartbeatClock.PROBE_TYPE)));
        assertTrue(inTransaction(probe::probe), "published: the next probe may go");
    }

    // ---- the world --------------------------------------------------------------------------------

    /** Consumes a host report of {@code zone-name} now; returns the host's name. */
    private String heartbeat(String name) {
        String host = zone + "-" + name;
        var report = new Reports.Host(host, zone, "QEMU", 8002000, host, "10.0.0.5", 32, 65536, 500, 0, List.of(),
                Instant.now());
        StratoEvent event = new StratoEvent(UUID.randomUUID(), Topics.reportType(Reports.HOST), "/agent/" + host, host,
                OffsetDateTime.now(), mapper.valueToTree(report));
        inTransaction(() -> reports.handle(event));
        return host;
    }

    /** Consumes a probe {@code seconds} after the previous one was consumed; returns how far the clock moved. */
    private long probeAfter(int seconds) {
        return inTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE compute_heartbeat_clock "
                        + "SET probed_at = clock_timestamp() - CAST(:s AS integer) * interval '1 second'")
                        .setParameter("s", seconds).executeUpdate())
                .chain(clock::now)
                .chain(before -> clock.advance().chain(clock::now).map(after -> after - before)));
    }

    /** The wall clock moves on {@code seconds} and no probe comes back: nothing is consumed meanwhile. */
    private void outage(int seconds) {
        rows.update("UPDATE compute_heartbeat_clock SET probed_at = probed_at - make_interval(secs => ?)", seconds);
        rows.update("UPDATE compute_host SET last_heartbeat = last_heartbeat - make_interval(secs => ?) "
                + "WHERE availability_zone = ?", seconds, zone);
    }

    private boolean up(String host) {
        return inTransaction(() -> hosts.isUp(host));
    }

    private String schedule() {
        return inTransaction(() -> scheduler.schedule(new RequestSpec(UUID.randomUUID(), "p",
                Fixtures.flavor(2, 2048, 20), Map.of(), zone, null, null, null, Set.of())));
    }

    private void sweep() {
        HostRows.sweep(monitor);
    }

    private long powerState(UUID server) {
        return rows.powerState(server);
    }
}
