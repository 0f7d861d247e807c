package io.strato.identity.changes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * What token issue reads from the database (users, domains, projects, effective roles, application credentials),
 * kept per {@link #current() change stamp}: a counter in table {@code identity_change} that every committed change
 * of those tables moves, in the change's own transaction (V7). An issue reads the stamp (one round trip) and reuses
 * what was loaded under the same stamp; after any change, on this replica or another, the stamp differs and
 * everything is loaded again. So a token says exactly what the database said when the stamp was read, as when each
 * issue queried everything (Keystone's behaviour: a removed role or disabled user is seen by the very next issue,
 * on every replica), for one query instead of nine.
 *
 * <p>Why exact: the stamp is read before the data, each in its own snapshot (READ COMMITTED), so what is loaded is
 * never older than the stamp it is filed under; a change committed after the stamp was read moves it, and an entry
 * filed under an older stamp is never served again.
 */
@ApplicationScoped
public class ChangeStamp {
    /** No stamp: nothing is reused (the cache is off). */
    public static final long NONE = Long.MIN_VALUE;

    private record Entry(long stamp, Object value) {
    }

    private final boolean enabled;
    private final Cache<Object, Entry> entries;

    public ChangeStamp(IdentityConfig config) {
        this.enabled = config.issueCache().enabled();
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(1, config.issueCache().maximumSize())).build();
    }

    /** The current stamp, read in the caller's session; {@link #NONE} when the cache is off. */
    public Uni<Long> current() {
        if (!enabled) {
            return Uni.createFrom().item(NONE);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT stamp FROM identity_change WHERE id = 1", Long.class).getSingleResult());
    }

    /**
     * The value filed under {@code key} at {@code stamp}, else {@code loader}'s, filed when not null. A failure is
     * not kept (the next call loads again).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(long stamp, Object key, Supplier<Uni<T>> loader) {
        if (stamp == NONE) {
            return loader.get();
        }
        Entry e = entries.getIfPresent(key);
        if (e != null && e.stamp == stamp) {
            return Uni.createFrom().item((T) e.value);
        }
        return loader.get().invoke(v -> {
            if (v != null) {
                entries.asMap().merge(key, new Entry(stamp, v), (old, fresh) -> old.stamp > fresh.stamp ? old : fresh);
            }
        });
    }
}
