package io.strato.kit.data.hibernate;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.util.function.Function;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.internal.util.cache.InternalCache;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sql.spi.SelectInterpretationsKey;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Keeps native select queries' plans out of Hibernate's query plan cache (issue 17).
 *
 * <p>In Hibernate ORM 7.2 (Hibernate Reactive 3.2) a native select query never finds its plan again: the key stored
 * holds the query's own result-set mapping, which executing the query changes, so each execution adds one more
 * entry (a probe: 20 runs of one {@code createNativeQuery(sql, X.class)} added 20 plans, for an entity, a scalar and
 * {@code Object[]} alike). Every such key hashes as its SQL, so the copies pile up in one bin of the cache's map,
 * where each look-up compares the SQL with all of them: with the cache full (2,048 plans, most of them copies) a
 * JFR profile of network-service's {@code GET /v2.0/networks} put ~23 % of its event-loop time in that look-up and
 * the cache's inserts, and the copies evict the HQL plans that would hit.
 *
 * <p>At startup this replaces the plan cache of each Hibernate session factory with one that passes native select
 * keys by (plan made afresh, as it already was, without the look-up) and serves every other key (HQL, native
 * updates) as before. Switch off with {@code strato.data.native-select-plan-cache-bypass=false}.
 */
@Singleton
public class NativeSelectPlans {
    private static final Logger LOG = Logger.getLogger(NativeSelectPlans.class);

    void onStart(@Observes StartupEvent event, Instance<Mutiny.SessionFactory> factories,
                 @org.eclipse.microprofile.config.inject.ConfigProperty(
                         name = "strato.data.native-select-plan-cache-bypass", defaultValue = "true") boolean enabled) {
        if (!enabled || !factories.isResolvable()) {
            return;
        }
        try {
            Object factory = ClientProxy.unwrap(factories.get());
            SessionFactoryImplementor sf = sessionFactory(factory);
            if (sf != null) {
                install(sf.getQueryEngine().getInterpretationCache());
                return;
            }
            LOG.warnf("native select plans: no Hibernate session factory found behind %s; left as it is", factory);
        } catch (RuntimeException | ReflectiveOperationException e) {
            LOG.warnf("native select plans: the plan cache could not be wrapped (%s); left as it is", e.toString());
        }
    }

    /** The ORM session factory a Hibernate Reactive one wraps (its field of that type), or null. */
    static SessionFactoryImplementor sessionFactory(Object reactive) throws IllegalAccessException {
        for (Class<?> c = reactive.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (SessionFactoryImplementor.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return (SessionFactoryImplementor) f.get(reactive);
                }
            }
        }
        return null;
    }

    /** Wraps {@code cache}'s plan cache; false when it has none (caching disabled) or is wrapped already. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean install(QueryInterpretationCache cache) throws ReflectiveOperationException {
        Field f;
        try {
            f = cache.getClass().getDeclaredField("queryPlanCache");
        } catch (NoSuchFieldException e) {
            return false;
        }
        f.setAccessible(true);
        Object plans = f.get(cache);
        if (!(plans instanceof InternalCache<?, ?> inner) || plans instanceof WithoutNativeSelects<?, ?>) {
            return false;
        }
        f.set(cache, new WithoutNativeSelects(inner));
        LOG.debug("native select plans: plan cache wrapped");
        return true;
    }

    /** The plan cache, minus native select keys (always a miss, never stored). */
    static final class WithoutNativeSelects<K, V> implements InternalCache<K, V> {
        private final InternalCache<K, V> inner;

        WithoutNativeSelects(InternalCache<K, V> inner) {
            this.inner = inner;
        }

        private static boolean passed(Object key) {
            return key instanceof SelectInterpretationsKey;
        }

        @Override
        public int heldElementsEstimate() {
            return inner.heldElementsEstimate();
        }

        @Override
        public V get(K key) {
            return passed(key) ? null : inner.get(key);
        }

        @Override
        public void put(K key, V value) {
            if (!passed(key)) {
                inner.put(key, value);
            }
        }

        @Override
        public void clear() {
            inner.clear();
        }

        @Override
        public V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
            return passed(key) ? make.apply(key) : inner.computeIfAbsent(key, make);
        }
    }
}
