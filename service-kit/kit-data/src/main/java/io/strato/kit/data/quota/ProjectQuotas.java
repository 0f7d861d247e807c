package io.strato.kit.data.quota;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one quota mechanism of Strato's services: a project lock, a count and limits with defaults and
 * per-project overrides. Every claim runs inside the transaction that then writes the new rows:
 * <ol>
 *   <li>it takes the row lock of {@code key} in {@code quota_lock} ({@code SELECT ... FOR UPDATE}, the row made
 *       on first use), so claims on one key are serialised until the transaction ends and exactly as many
 *       succeed as there is room for;</li>
 *   <li>it reads the limits: the service's defaults, overridden by the project's rows of {@code quota
 *       (project_id, resource, hard_limit)}; -1 is unlimited;</li>
 *   <li>it counts what is used (the service's own query) and refuses with the service's own fault, in its API's
 *       words, when a request would go over.</li>
 * </ol>
 * The tables come with the service's migrations ({@code quota_lock (project_id varchar PRIMARY KEY)} and
 * {@code quota (project_id, resource, hard_limit, PRIMARY KEY (project_id, resource))}).
 */
public final class ProjectQuotas {

    /** A resource a request would take over its limit. */
    public record Over(String resource, long requested, long used, int limit) {
    }

    private final Supplier<Map<String, Integer>> defaults;

    /** {@code defaults}: every resource the service knows, in the order its API lists them. */
    public ProjectQuotas(Supplier<Map<String, Integer>> defaults) {
        this.defaults = defaults;
    }

    /** The default of every resource, in the service's order. */
    public Map<String, Integer> defaults() {
        return new LinkedHashMap<>(defaults.get());
    }

    /** Every limit of a project: the defaults with its overrides (only of resources the service knows). */
    public Uni<Map<String, Integer>> limits(String projectId) {
        return overrides(projectId).map(o -> {
            Map<String, Integer> out = defaults();
            o.forEach((r, v) -> out.computeIfPresent(r, (k, old) -> v));
            return out;
        });
    }

    /** The project's own overrides. */
    public Uni<Map<String, Integer>> overrides(String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT resource, hard_limit FROM quota WHERE project_id = :p ORDER BY resource", Object[].class)
                .setParameter("p", projectId).getResultList())
                .map(rows -> {
                    Map<String, Integer> out = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        out.put((String) row[0], ((Number) row[1]).intValue());
                    }
                    return out;
                });
    }

    /** Sets (inserts or replaces) overrides of a project; resources the service does not know are the caller's 400. */
    public Uni<Void> override(String projectId, Map<String, Integer> limits) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Integer> e : limits.entrySet()) {
            chain = chain.chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO quota (project_id, resource, hard_limit) VALUES (:p, :r, :l)"
                                    + " ON CONFLICT (project_id, resource) DO UPDATE SET hard_limit = EXCLUDED.hard_limit")
                    .setParameter("p", projectId).setParameter("r", e.getKey()).setParameter("l", e.getValue())
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    /** Drops a project's overrides: its limits are the defaults again. */
    public Uni<Void> reset(String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("DELETE FROM quota WHERE project_id = :p")
                .setParameter("p", projectId).executeUpdate()).replaceWithVoid();
    }

    /** A deleted project: its overrides and its lock row go, in the caller's transaction. */
    public Uni<Void> forget(String projectId) {
        return reset(projectId).chain(() -> unlock(projectId));
    }

    /** Drops the lock row of {@code key} (a deleted project's), in the caller's transaction. */
    public static Uni<Void> unlock(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM quota_lock WHERE project_id = :p")
                .setParameter("p", key).executeUpdate()).replaceWithVoid();
    }

    /**
     * Claims {@code requested} (resource → how many more) for the project under the lock of {@code lockKey}
     * (the project id, or e.g. {@code user:<id>} for what is counted per user).
     *
     * @param used    counts what is used now, per requested resource; runs after the lock is held
     * @param refusal the service's fault for the resources that would go over (sorted by name)
     */
    public Uni<Void> claim(String lockKey, String projectId, Map<String, Long> requested,
            Supplier<Uni<Map<String, Long>>> used, Function<List<Over>, ? extends RuntimeException> refusal) {
        if (requested.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lock(lockKey)
                .chain(() -> limits(projectId))
                .flatMap(limits -> used.get().invoke(counts -> {
                    List<Over> overs = overs(requested, counts, limits);
                    if (!overs.isEmpty()) {
                        throw refusal.apply(overs);
                    }
                })).replaceWithVoid();
    }

    /** The requested resources that would go over their limits, sorted by name (-1 or no limit: never over). */
    public static List<Over> overs(Map<String, Long> requested, Map<String, Long> used, Map<String, Integer> limits) {
        List<Over> overs = new ArrayList<>();
        for (Map.Entry<String, Long> r : requested.entrySet()) {
            Integer max = limits.get(r.getKey());
            long inUse = used.getOrDefault(r.getKey(), 0L);
            if (max != null && max >= 0 && inUse + r.getValue() > max) {
                overs.add(new Over(r.getKey(), r.getValue(), inUse, max));
            }
        }
        overs.sort((a, b) -> a.resource().compareTo(b.resource()));
        return overs;
    }

    /**
     * The claim of rows the current transaction has already inserted ({@code added}: resource → how many), for
     * creates that come in bursts: {@code limits} are read beforehand with no lock, and this takes the lock of
     * {@code lockKey} as the transaction's last statement, so creates under one key wait on each other only for a
     * count and a commit, not for their whole transaction. Resources unlimited in {@code limits} are not counted
     * at all; with none limited nothing is locked.
     *
     * <p>Safe because the count runs after the lock is held: in READ COMMITTED each statement takes a new
     * snapshot, so a second claim on the key counts the first one's committed rows, and its own uncommitted ones.
     *
     * @param used    counts what is used now, the transaction's own new rows included
     * @param refusal the service's fault for the resources over their limits (sorted by name); {@code used} in
     *                each {@link Over} is what the project held without this transaction's rows
     */
    public static Uni<Void> recount(String lockKey, Map<String, Long> added, Map<String, Integer> limits,
            Supplier<Uni<Map<String, Long>>> used, Function<List<Over>, ? extends RuntimeException> refusal) {
        boolean limited = added.entrySet().stream().anyMatch(a -> a.getValue() > 0
                && limits.getOrDefault(a.getKey(), -1) >= 0);
        if (!limited) {
            return Uni.createFrom().voidItem();
        }
        return lock(lockKey).chain(used::get).invoke(counts -> {
            Map<String, Long> before = new LinkedHashMap<>();
            added.forEach((r, n) -> before.put(r, counts.getOrDefault(r, 0L) - n));
            List<Over> overs = overs(added, before, limits);
            if (!overs.isEmpty()) {
                throw refusal.apply(overs);
            }
        }).replaceWithVoid();
    }

    /**
     * Takes the row lock serialising claims on {@code key} until the current transaction ends. One statement
     * once the key's row exists; on first use the row is made, then locked. Also for callers that check a limit
     * of their own under the same lock.
     */
    public static Uni<Void> lock(String key) {
        return Panache.getSession().flatMap(s -> lockRow(s, key).flatMap(held -> held ? Uni.createFrom().voidItem()
                : s.createNativeQuery("INSERT INTO quota_lock (project_id) VALUES (:p) ON CONFLICT DO NOTHING")
                        .setParameter("p", key).executeUpdate()
                        .chain(() -> lockRow(s, key)).invoke(again -> {
                            if (!again) { // the row was deleted (its project forgotten) between the two statements
                                throw new IllegalStateException("quota lock row of " + key + " vanished while taken");
                            }
                        }).replaceWithVoid()));
    }

    private static Uni<Boolean> lockRow(Mutiny.Session s, String key) {
        return s.createNativeQuery("SELECT project_id FROM quota_lock WHERE project_id = :p FOR UPDATE", String.class)
                .setParameter("p", key).getResultList().map(rows -> !rows.isEmpty());
    }
}
