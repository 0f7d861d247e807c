package io.strato.compute.scheduler;

import static io.strato.compute.scheduler.HostRows.inTransaction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SchedulerInfra
@TestProfile(SchedulerTestProfile.class)
class SchedulerClaimsTest {
    private static final Commands.Flavor GB1 = Fixtures.flavor(1, 1024, 10);

    @Inject
    Scheduler scheduler;
    @Inject
    Claims claims;
    @Inject
    DataSource dataSource;

    private HostRows rows;
    private String zone;

    @BeforeEach
    void setUp() {
        rows = new HostRows(dataSource);
        zone = HostRows.zone();
    }

    private RequestSpec spec(UUID serverId, Commands.Flavor flavor) {
        return new RequestSpec(serverId, "p", flavor, Map.of(), zone, null, null, null, Set.of());
    }

    private String schedule(RequestSpec spec) {
        return inTransaction(() -> scheduler.schedule(spec));
    }

    /** Runs the calls at once, each on its own thread (and so in its own transaction); results in call order. */
    private static <T> List<Object> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentSchedulesNeverOverbookTheHosts() throws Exception {
        // three hosts of 4 GiB with ratio 1.0: room for exactly 12 servers of 1 GiB
        List<String> hosts = List.of(rows.host(zone, 64, 4096, 1000, 0), rows.host(zone, 64, 4096, 1000, 0),
                rows.host(zone, 64, 4096, 1000, 0));
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RequestSpec s = spec(UUID.randomUUID(), GB1);
            calls.add(() -> schedule(s));
        }
        List<Object> results = concurrently(calls);

        long placed = results.stream().filter(String.class::isInstance).count();
        List<Object> failures = results.stream().filter(r -> !(r instanceof String)).toList();
        assertEquals(12, placed, "every GiB is used and none twice: " + results);
        for (Object f : failures) {
            assertTrue(f instanceof NoValidHost, "only NoValidHost, got " + f);
            assertEquals("No valid host was found. There are not enough hosts available.", ((NoValidHost) f).getMessage());
        }
        for (String h : hosts) {
            long[] used = rows.used(h);
            long[] alloc = rows.allocated(h);
            assertEquals(4, alloc[0], "4 servers on " + h);
            assertArrayEquals(new long[] {alloc[1], alloc[2], alloc[3]}, used, "counters = allocation rows on " + h);
            assertEquals(4096, used[1]);
            assertEquals(4, results.stream().filter(h::equals).count(), "answers naming " + h);
        }
    }

    @Test
    void antiAffinityMembersScheduledAtOnceLandOnDifferentHosts() throws Exception {
        String a = rows.host(zone, 64, 65536, 1000, 0);
        String b = rows.host(zone, 64, 65536, 1000, 0);
        UUID m1 = rows.server(null);
        UUID m2 = rows.server(null);
        UUID group = rows.group("anti-affinity", m1, m2);
        List<Callable<String>> calls = List.of(
                () -> schedule(new RequestSpec(m1, "p", GB1, Map.of(), zone, group, "anti-affinity", null, Set.of())),
                () -> schedule(new RequestSpec(m2, "p", GB1, Map.of(), zone, group, "anti-affinity", null, Set.of())));
        for (int round = 0; round < 5; round++) {
            List<Object> hosts = concurrently(calls);
            assertTrue(hosts.stream().allMatch(String.class::isInstance), hosts.toString());
            assertNotEquals(hosts.get(0), hosts.get(1), "round " + round);
            assertEquals(Set.of(a, b), Set.copyOf(hosts));
        }
        // a third member has no host left
        UUID m3 = rows.server(null);
        rows.update("INSERT INTO server_group_member (group_id, server_id) VALUES (?, ?)", group, m3);
        assertThrows(NoValidHost.class,
                () -> schedule(new RequestSpec(m3, "p", GB1, Map.of(), zone, group, "anti-affinity", null, Set.of())));
    }

    @Test
    void affinityFollowsAMemberRecordedOnlyAsTheServersHost() {
        String roomy = rows.host(zone, 64, 65536, 1000, 0);
        String member = rows.host(zone, 64, 32768, 1000, 0);
        assertEquals(roomy, schedule(spec(UUID.randomUUID(), GB1)), "RAMWeigher alone prefers the roomy host");
        UUID running = rows.server(member); // placed before, no allocation row here: server.host counts
        UUID group = rows.group("affinity", running);
        assertEquals(member, schedule(new RequestSpec(UUID.randomUUID(), "p", GB1, Map.of(), zone, group, "affinity",
                null, Set.of())));
    }

    @Test
    void releaseGivesBackExactlyTheClaimAndIsIdempotent() {
        String h = rows.host(zone, 8, 8192, 100, 0);
        UUID keep = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        schedule(spec(keep, Fixtures.flavor(2, 2048, 20)));
        schedule(spec(gone, Fixtures.flavor(1, 1024, 10)));
        assertArrayEquals(new long[] {3, 3072, 30}, rows.used(h));

        inTransaction(() -> claims.release(gone));
        inTransaction(() -> claims.release(gone));
        assertArrayEquals(new long[] {2, 2048, 20}, rows.used(h));
        assertEquals(1, rows.allocated(h)[0]);
    }

    @Test
    void reschedulingAServerMovesItsClaimAndSkipsExcludedHosts() {
        String first = rows.host(zone, 8, 8192, 100, 0);
        String second = rows.host(zone, 8, 8192, 100, 0);
        UUID id = UUID.randomUUID();
        String host = schedule(spec(id, GB1));
        String other = host.equals(first) ? second : first;
        String again = schedule(new RequestSpec(id, "p", GB1, Map.of(), zone, null, null, null, Set.of(host)));
        assertEquals(other, again);
        assertArrayEquals(new long[] {0, 0, 0}, rows.used(host), "the first claim was given back");
        assertArrayEquals(new long[] {1, 1024, 10}, rows.used(other));
        assertThrows(NoValidHost.class, () -> schedule(new RequestSpec(id, "p", GB1, Map.of(), zone, null, null, null,
                Set.of(first, second))));
    }

    @Test
    void aResizeHoldsOldPlusNewUntilOneIsKept() {
        String h = rows.host(zone, 8, 8192, 100, 0);
        UUID id = UUID.randomUUID();
        schedule(spec(id, GB1));
        Commands.Flavor bigger = Fixtures.flavor(2, 4096, 20);
        inTransaction(() -> claims.claimResize(id, h, bigger));
        assertArrayEquals(new long[] {3, 5120, 30}, rows.used(h));
        assertArrayEquals(new long[] {1, 3, 5120, 30}, rows.allocated(h));

        inTransaction(() -> claims.keepOnly(id, h, bigger)); // confirmed
        assertArrayEquals(new long[] {2, 4096, 20}, rows.used(h));
        assertArrayEquals(new long[] {1, 2, 4096, 20}, rows.allocated(h));

        inTransaction(() -> claims.claimResize(id, h, GB1));
        inTransaction(() -> claims.keepOnly(id, h, bigger)); // reverted
        assertArrayEquals(new long[] {2, 4096, 20}, rows.used(h));
    }

    @Test
    void aResizeThatDoesNotFitIsNoValidHostAndChangesNothing() {
        String h = rows.host(zone, 8, 8192, 100, 0);
        UUID id = UUID.randomUUID();
        schedule(spec(id, Fixtures.flavor(1, 4096, 10)));
        NoValidHost e = assertThrows(NoValidHost.class,
                () -> inTransaction(() -> claims.claimResize(id, h, Fixtures.flavor(1, 5000, 10))));
        assertTrue(e.getMessage().startsWith("No valid host was found. "), e.getMessage());
        assertArrayEquals(new long[] {1, 4096, 10}, rows.used(h));
    }

    @Test
    void aDisabledOrSilentHostIsNotScheduledTo() {
        String silent = rows.host(zone, 8, 8192, 100, 3600);
        String disabled = rows.host(zone, 8, 8192, 100, 0);
        rows.update("UPDATE compute_host SET enabled = false WHERE host = ?", disabled);
        assertThrows(NoValidHost.class, () -> schedule(spec(UUID.randomUUID(), GB1)));
        assertArrayEquals(new long[] {0, 0, 0}, rows.used(silent));
        String fresh = rows.host(zone, 8, 8192, 100, 0);
        assertEquals(fresh, schedule(spec(UUID.randomUUID(), GB1)));
    }
}
