package io.strato.kit.data.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.data.events.KitInfra;
import io.strato.kit.data.events.Widget;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Native select queries no longer fill Hibernate's plan cache with copies of their plan (each run of one such
 * query added a plan before {@link NativeSelectPlans}), and HQL plans are still cached and found.
 */
@QuarkusTest
@KitInfra
class NativeSelectPlansTest {
    private static final int RUNS = 20;

    @Inject
    Mutiny.SessionFactory factory;

    private QueryInterpretationCache cache() throws IllegalAccessException {
        return NativeSelectPlans.sessionFactory(ClientProxy.unwrap(factory)).getQueryEngine().getInterpretationCache();
    }

    private int added(Function<Mutiny.Session, io.smallrye.mutiny.Uni<Void>> query) throws IllegalAccessException {
        int before = cache().getNumberOfCachedQueryPlans();
        for (int i = 0; i < RUNS; i++) {
            factory.withSession(query).await().indefinitely();
        }
        return cache().getNumberOfCachedQueryPlans() - before;
    }

    @Test
    void nativeSelectsOfEveryResultKindAddNoPlans() throws Exception {
        assertFalse(NativeSelectPlans.install(cache()), "installed at startup already");
        assertEquals(0, added(s -> s.createNativeQuery("SELECT * FROM kit_widget WHERE name = :n", Widget.class)
                .setParameter("n", "x").getResultList().replaceWithVoid()));
        assertEquals(0, added(s -> s.createNativeQuery("SELECT id, name FROM kit_widget WHERE name = :n", Object[].class)
                .setParameter("n", "x").getResultList().replaceWithVoid()));
        assertEquals(0, added(s -> s.createNativeQuery("SELECT count(*) FROM kit_widget WHERE name = :n", Long.class)
                .setParameter("n", "x").getSingleResult().replaceWithVoid()));
    }

    @Test
    void hqlPlansAreStillCachedAndFound() throws Exception {
        int added = added(s -> s.createSelectionQuery("from Widget where name = :n and id is not null", Widget.class)
                .setParameter("n", "x").getResultList().replaceWithVoid());
        assertTrue(added <= 1, "one plan for one HQL query however often it runs, added " + added);
    }
}
