package io.strato.kit.data.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.strato.kit.data.events.KitInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The kit's quota mechanism against PostgreSQL: limits with overrides, refusals, and the last unit under a race. */
@QuarkusTest
@KitInfra
class ProjectQuotasTest {

    /** A widget row per claimed unit, named after its project: what a service's own count query would see. */
    private static final String COUNT = "SELECT count(*) FROM kit_widget WHERE name = :p";

    private final ProjectQuotas quotas = new ProjectQuotas(() -> {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("widgets", 3);
        d.put("gears", -1);
        return d;
    });

    static final class OverQuota extends RuntimeException {
        final List<ProjectQuotas.Over> overs;

        OverQuota(List<ProjectQuotas.Over> overs) {
            super("over quota: " + overs);
            this.overs = overs;
        }
    }

    @Test
    void limitsAreTheDefaultsWithTheProjectsOverridesOfKnownResources() {
        String p = "p-" + UUID.randomUUID();
        assertEquals(Map.of("widgets", 3, "gears", -1), await(() -> Panache.withSession(() -> quotas.limits(p))));
        await(() -> Panache.withTransaction(() -> quotas.override(p, Map.of("widgets", 7, "unknown", 1))));
        assertEquals(Map.of("widgets", 7, "gears", -1), await(() -> Panache.withSession(() -> quotas.limits(p))));
        await(() -> Panache.withTransaction(() -> quotas.override(p, Map.of("widgets", 9))));
        assertEquals(9, await(() -> Panache.withSession(() -> quotas.limits(p))).get("widgets"));
        await(() -> Panache.withTransaction(() -> quotas.reset(p)));
        assertEquals(3, await(() -> Panache.withSession(() -> quotas.limits(p))).get("widgets"));
        await(() -> Panache.withTransaction(() -> quotas.override(p, Map.of("widgets", 5))));
        claimAndInsert(p, 1);
        assertEquals(1L, scalar("SELECT count(*) FROM quota_lock WHERE project_id = :p", p));
        await(() -> Panache.withTransaction(() -> quotas.forget(p)));
        assertEquals(0L, scalar("SELECT count(*) FROM quota_lock WHERE project_id = :p", p), "forget drops the lock row");
        assertEquals(0L, scalar("SELECT count(*) FROM quota WHERE project_id = :p", p), "and the overrides");
    }

    @Test
    void aClaimOverTheLimitIsRefusedWithTheServicesFaultNamingWhatIsOver() {
        String p = "p-" + UUID.randomUUID();
        claimAndInsert(p, 2);
        OverQuota refused = assertThrows(OverQuota.class, () -> claimAndInsert(p, 2));
        assertEquals(List.of(new ProjectQuotas.Over("widgets", 2, 2, 3)), refused.overs);
        assertEquals(2L, count(p), "nothing of the refused claim was written");
        claimAndInsert(p, 1);
        assertEquals(3L, count(p));
    }

    @Test
    void aRecountOfRowsAlreadyInsertedRefusesOverTheLimitAndLocksNothingWhenUnlimited() {
        String p = "p-" + UUID.randomUUID();
        insertAndRecount(p, 2);
        OverQuota refused = assertThrows(OverQuota.class, () -> insertAndRecount(p, 2));
        assertEquals(List.of(new ProjectQuotas.Over("widgets", 2, 2, 3)), refused.overs, "used: the others' rows only");
        assertEquals(2L, count(p), "the refused rows were rolled back");
        insertAndRecount(p, 1);
        assertEquals(1L, scalar("SELECT count(*) FROM quota_lock WHERE project_id = :p", p), "the lock row, made on first use");

        String q = "q-" + UUID.randomUUID();
        await(() -> Panache.withTransaction(() -> insert(q, 1).chain(() -> ProjectQuotas.recount(q, Map.of("gears", 1L),
                Map.of("gears", -1), () -> Uni.createFrom().failure(new AssertionError("an unlimited resource is counted")),
                OverQuota::new))));
        assertEquals(0L, scalar("SELECT count(*) FROM quota_lock WHERE project_id = :p", q), "nothing limited: no lock");
    }

    private void insertAndRecount(String project, int n) {
        await(() -> Panache.withTransaction(() -> quotas.limits(project).call(() -> insert(project, n))
                .chain(limits -> ProjectQuotas.recount(project, Map.of("widgets", (long) n), limits,
                        () -> widgetsUsed(project), OverQuota::new))));
    }

    @Test
    void unlimitedResourcesAreNeverOver() {
        assertTrue(ProjectQuotas.overs(Map.of("gears", 1_000_000L), Map.of("gears", 5L), Map.of("gears", -1)).isEmpty());
        assertEquals(List.of(new ProjectQuotas.Over("a", 1, 1, 1), new ProjectQuotas.Over("b", 2, 0, 1)),
                ProjectQuotas.overs(new LinkedHashMap<>(Map.of("b", 2L, "a", 1L)), Map.of("a", 1L), Map.of("a", 1, "b", 1)));
    }

    @Test
    void concurrentClaimsForTheLastUnitsGetExactlyTheRoomThereIs() throws Exception {
        String p = "p-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Boolean> one = () -> {
                    try {
                        claimAndInsert(p, 1);
                        return true;
                    } catch (OverQuota e) {
                        return false;
                    }
                };
                results.add(pool.submit(one));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(3, won, "exactly the limit's worth of claims succeed");
            assertEquals(3L, count(p));
        } finally {
            pool.shutdownNow();
        }
    }

    private void claimAndInsert(String project, int n) {
        await(() -> Panache.withTransaction(() -> quotas.claim(project, project, Map.of("widgets", (long) n),
                        () -> widgetsUsed(project), OverQuota::new)
                .chain(() -> insert(project, n))));
    }

    /** The project's widgets as the service's own count query would see them, in the caller's session. */
    private static Uni<Map<String, Long>> widgetsUsed(String project) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(COUNT, Long.class)
                .setParameter("p", project).getSingleResult()).map(c -> Map.of("widgets", c));
    }

    private static Uni<Void> insert(String project, int n) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < n; i++) {
            chain = chain.chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO kit_widget (id, name) VALUES (:id, :p)")
                    .setParameter("id", UUID.randomUUID()).setParameter("p", project).executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    private static long scalar(String sql, String project) {
        return await(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Long.class)
                .setParameter("p", project).getSingleResult())));
    }

    private static long count(String project) {
        return await(() -> Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(COUNT, Long.class)
                .setParameter("p", project).getSingleResult())));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
