package io.strato.compute.quotas;

import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Claims as server creates make them: in the transaction that inserts the server row. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class ComputeQuotaRaceTest {
    @Inject
    ComputeQuota quota;

    @Inject
    DataSource db;

    /** One create: claim, then insert the server row, in one transaction. */
    private boolean create(String project, int vcpus, int ram) throws Throwable {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> quota.claimServers(project, 1, vcpus, ram)
                    .chain(() -> insert(project, vcpus, ram)).call(ComputeQuotaRaceTest::beforeCommit)));
            return true;
        } catch (Forbidden e) {
            return false;
        }
    }

    /** One create as a create of an exact count makes it: the server row first, the claim last (limits read before). */
    private boolean createClaimingLast(String project, int vcpus, int ram) throws Throwable {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> claimingLast(project, vcpus, ram)
                    .call(ComputeQuotaRaceTest::beforeCommit)));
            return true;
        } catch (Forbidden e) {
            return false;
        }
    }

    /** The limits read, the server row inserted, then the claim: in the caller's transaction. */
    private Uni<Void> claimingLast(String project, int vcpus, int ram) {
        return quota.limits(project).call(() -> insert(project, vcpus, ram))
                .chain(limits -> quota.recountServers(project, limits, 1, vcpus, ram));
    }

    /**
     * A pause between the claim and the commit, so that concurrent creates overlap there: without the lock, each
     * would count before the others commit and every one of them would get in.
     */
    private static Uni<Void> beforeCommit() {
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(100));
    }

    private static Uni<Integer> insert(String project, int vcpus, int ram) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO server (id, project_id, user_id, name, flavor_id, flavor, vm_state) "
                                + "VALUES (:id, :p, 'u', 'race', 'x', CAST(CAST(:f AS text) AS jsonb), 'building')")
                .setParameter("id", UUID.randomUUID()).setParameter("p", project)
                .setParameter("f", "{\"vcpus\": " + vcpus + ", \"memory_mb\": " + ram + "}")
                .executeUpdate());
    }

    private interface Create {
        boolean run(String project) throws Throwable;
    }

    @Test
    void concurrentClaimsGetExactlyTheRoomThereIs() throws Exception {
        race(p -> create(p, 1, 512));
    }

    @Test
    void concurrentClaimsMadeLastGetExactlyTheRoomThereIs() throws Exception {
        race(p -> createClaimingLast(p, 1, 512));
    }

    @Test
    void aClaimMadeLastIsRefusedWithNovasMessageCountingOnlyTheOthersServers() throws Throwable {
        String project = newProject();
        new CatalogRows(db).update("INSERT INTO quota (project_id, resource, hard_limit) VALUES (?, 'cores', 4)", project);
        assertTrue(createClaimingLast(project, 3, 1024));
        Forbidden e = org.junit.jupiter.api.Assertions.assertThrows(Forbidden.class, () ->
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> claimingLast(project, 2, 1024))));
        assertEquals("Quota exceeded for cores: Requested 2, but already used 3 of 4 cores", e.getMessage());
        assertEquals(1, new CatalogRows(db).count("SELECT count(*) FROM server WHERE project_id = ?", project),
                "the refused create's row was rolled back");
        assertTrue(createClaimingLast(project, 1, 1024), "the last core still fits");
    }

    private void race(Create create) throws Exception {
        String project = newProject();
        new CatalogRows(db).update("INSERT INTO quota (project_id, resource, hard_limit) VALUES (?, 'instances', 3)", project);
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return create.run(project);
                    } catch (Throwable t) {
                        throw new AssertionError("a claim failed otherwise than by quota", t);
                    }
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> f : results) {
                created += f.get() ? 1 : 0;
            }
            assertEquals(3, created);
            assertEquals(3, new CatalogRows(db).count("SELECT count(*) FROM server WHERE project_id = ?", project));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRefusalNamesEveryResourceOverTheLimitAsNovaDoes() throws Throwable {
        String project = newProject();
        CatalogRows rows = new CatalogRows(db);
        rows.update("INSERT INTO quota (project_id, resource, hard_limit) VALUES (?, 'cores', 4)", project);
        assertTrue(create(project, 3, 1024));
        Forbidden e = org.junit.jupiter.api.Assertions.assertThrows(Forbidden.class, () ->
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> quota.claimServers(project, 1, 2, 1024))));
        assertEquals("Quota exceeded for cores: Requested 2, but already used 3 of 4 cores", e.getMessage());
        // a resize that grows by one core still fits; by two it does not
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> quota.claimResize(project, 1, 0)));
        org.junit.jupiter.api.Assertions.assertThrows(Forbidden.class, () ->
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> quota.claimResize(project, 2, 0))));
        // a server being resized counts with the larger flavor
        rows.update("UPDATE server SET new_flavor = CAST('{\"vcpus\": 4, \"memory_mb\": 1024}' AS jsonb) WHERE project_id = ?", project);
        org.junit.jupiter.api.Assertions.assertThrows(Forbidden.class, () ->
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> quota.claimResize(project, 1, 0))));
    }

    @Test
    void refusalMessagesListSortedResources() {
        var msg = ComputeQuota.refusal(
                new java.util.LinkedHashMap<>(java.util.Map.of("instances", 1L, "cores", 2L, "ram", 512L)),
                java.util.Map.of("instances", 3L, "cores", 20L, "ram", 0L),
                java.util.Map.of("instances", 3, "cores", 20, "ram", -1));
        assertEquals("Quota exceeded for cores, instances: Requested 2, 1, but already used 20, 3 of 20, 3 cores, instances", msg);
    }
}
