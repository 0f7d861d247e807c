package io.strato.volume.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.QuotaExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A project's volume quotas. Every decision first locks the project's row in
 * {@code volume_project_quota} (SELECT ... FOR UPDATE) inside the caller's transaction and only then
 * counts, so two creates of one project decide one after the other and can never pass a limit together.
 * The lock is held until the caller's transaction commits the new volume.
 */
@ApplicationScoped
public class VolumeQuota {
    public static final List<String> RESOURCES = List.of("volumes", "gigabytes", "snapshots");
    private static final String ADD_PROJECT = "insert into volume_project_quota (project_id) values (?1) on conflict do nothing";
    private static final String LOCK_PROJECT = "select volumes, gigabytes, snapshots from volume_project_quota"
            + " where project_id = ?1 for update";
    private static final String READ_PROJECT = "select volumes, gigabytes, snapshots from volume_project_quota where project_id = ?1";
    private static final String COUNT_VOLUMES = "select count(*) from volume where project_id = ?1";
    /** GiB the project's volumes (an extend in progress at its target size) and snapshots hold, as Cinder counts. */
    private static final String USED_GIGABYTES = "select cast(coalesce((select sum(greatest(size, coalesce(extending_to, 0)))"
            + " from volume where project_id = ?1 and id <> ?2), 0) + coalesce((select sum(size) from snapshot"
            + " where project_id = ?1), 0) as bigint)";
    private static final String COUNT_SNAPSHOTS = "select count(*) from snapshot where project_id = ?1";
    private static final String SET = "update volume_project_quota set volumes = ?2, gigabytes = ?3, snapshots = ?4"
            + " where project_id = ?1";
    private static final String FORGET = "delete from volume_project_quota where project_id = ?1";
    private static final UUID NONE = new UUID(0, 0);
    private static final String TYPE_LIMITS = "select resource, hard_limit from volume_type_quota where project_id = ?1";
    private static final String SET_TYPE_LIMIT = "insert into volume_type_quota (project_id, resource, hard_limit)"
            + " values (?1, ?2, ?3) on conflict (project_id, resource) do update set hard_limit = excluded.hard_limit";
    private static final String FORGET_TYPES = "delete from volume_type_quota where project_id = ?1";
    private static final String TYPE_VOLUMES = "select count(*) from volume where project_id = ?1 and volume_type_id = ?2";
    private static final String TYPE_GIGABYTES = "select cast(coalesce((select sum(greatest(size, coalesce(extending_to, 0)))"
            + " from volume where project_id = ?1 and volume_type_id = ?2 and id <> ?3), 0) + coalesce((select sum(s.size)"
            + " from snapshot s join volume v on v.id = s.volume_id where s.project_id = ?1 and v.volume_type_id = ?2), 0)"
            + " as bigint)";
    private static final String TYPE_SNAPSHOTS = "select count(*) from snapshot s join volume v on v.id = s.volume_id"
            + " where s.project_id = ?1 and v.volume_type_id = ?2";
    private static final String TYPE_USAGE = "select t.name, (select count(*) from volume v where v.project_id = ?1"
            + " and v.volume_type_id = t.id), (select cast(coalesce(sum(greatest(v.size, coalesce(v.extending_to, 0))), 0)"
            + " as bigint) from volume v where v.project_id = ?1 and v.volume_type_id = t.id) + (select cast(coalesce(sum(s.size), 0)"
            + " as bigint) from snapshot s join volume v on v.id = s.volume_id where s.project_id = ?1 and v.volume_type_id = t.id),"
            + " (select count(*) from snapshot s join volume v on v.id = s.volume_id where s.project_id = ?1"
            + " and v.volume_type_id = t.id) from volume_type t";

    /** A volume type a quota decision is about. */
    public record Type(UUID id, String name) {
    }

    private final QuotaConfig config;

    VolumeQuota(QuotaConfig config) {
        this.config = config;
    }

    /** Fails with 413 when one more volume of {@code sizeGb} (of {@code type}) would pass the project's quotas. */
    public Uni<Void> checkCreate(String projectId, int sizeGb, Type type) {
        return lock(projectId).chain(limits -> Panache.getSession().chain(s -> number(s, COUNT_VOLUMES, projectId)
                .invoke(count -> {
                    long max = limits.get("volumes");
                    if (max >= 0 && count + 1 > max) {
                        throw new QuotaExceeded("VolumeLimitExceeded: Maximum number of volumes allowed ("
                                + max + ") exceeded for quota 'volumes'.");
                    }
                })
                .chain(() -> checkGigabytes(s, projectId, NONE, sizeGb, limits.get("gigabytes")))
                .chain(() -> typeLimits(s, projectId))
                .chain(typeLimits -> checkType(s, typeLimits, "volumes", TYPE_VOLUMES, projectId, type, 1, null)
                        .chain(() -> checkType(s, typeLimits, "gigabytes", TYPE_GIGABYTES, projectId, type, sizeGb, NONE)))));
    }

    /** Fails with 413 when a volume of {@code sizeGb} moving to {@code type} would pass that type's limits. */
    public Uni<Void> checkRetype(String projectId, int sizeGb, Type type) {
        return lock(projectId).chain(limits -> Panache.getSession().chain(s -> typeLimits(s, projectId)
                .chain(typeLimits -> checkType(s, typeLimits, "volumes", TYPE_VOLUMES, projectId, type, 1, null)
                        .chain(() -> checkType(s, typeLimits, "gigabytes", TYPE_GIGABYTES, projectId, type, sizeGb, NONE)))));
    }

    /** Fails with 413 when {@code more} of {@code resource} of the type would pass its per-type limit, if one is set. */
    private Uni<Void> checkType(Mutiny.Session s, Map<String, Long> typeLimits, String resource, String sql,
                                String projectId, Type type, long more, UUID except) {
        String key = resource + "_" + type.name();
        Long max = typeLimits.get(key);
        if (max == null || max < 0) {
            return Uni.createFrom().voidItem();
        }
        Uni<Long> used = except == null ? number(s, sql, projectId, type.id()) : number(s, sql, projectId, type.id(), except);
        return used.invoke(u -> {
            if (u + more > max) {
                throw new QuotaExceeded("VolumeLimitExceeded: Maximum " + resource + " of volume type " + type.name()
                        + " allowed (" + max + ") exceeded for quota '" + key + "': " + u + " used, " + more + " requested.");
            }
        }).replaceWithVoid();
    }

    private static Uni<Map<String, Long>> typeLimits(Mutiny.Session s, String projectId) {
        return s.createNativeQuery(TYPE_LIMITS).setParameter(1, projectId).getResultList().map(rows -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                m.put((String) r[0], ((Number) r[1]).longValue());
            }
            return m;
        });
    }

    /** The per-type limits set for the project and every type's usage, keyed as Cinder keys them. */
    public Uni<Map<String, long[]>> perType(String projectId) {
        return Panache.getSession().chain(s -> typeLimits(s, projectId).chain(limits -> s.createNativeQuery(TYPE_USAGE)
                .setParameter(1, projectId).getResultList().map(rows -> {
                    Map<String, long[]> m = new java.util.TreeMap<>();
                    for (Object row : rows) {
                        Object[] r = (Object[]) row;
                        String name = (String) r[0];
                        long[] used = {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
                        int i = 0;
                        for (String res : RESOURCES) {
                            String key = res + "_" + name;
                            m.put(key, new long[] {limits.getOrDefault(key, -1L), used[i++]});
                        }
                    }
                    return m;
                })));
    }

    /** Sets per-type limits ({@code volumes_<type>}...), in the caller's transaction (under the project's lock). */
    public Uni<Void> setPerType(String projectId, Map<String, Long> limits) {
        if (limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lock(projectId).chain(x -> Panache.getSession()).chain(s -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, Long> e : limits.entrySet()) {
                chain = chain.chain(() -> s.createNativeQuery(SET_TYPE_LIMIT).setParameter(1, projectId)
                        .setParameter(2, e.getKey()).setParameter(3, e.getValue().intValue()).executeUpdate().replaceWithVoid());
            }
            return chain;
        });
    }

    /** Fails with 413 when one more snapshot of {@code sizeGb} (of a volume of {@code type}) would pass the project's quotas. */
    public Uni<Void> checkSnapshot(String projectId, int sizeGb, Type type) {
        return lock(projectId).chain(limits -> Panache.getSession().chain(s -> number(s, COUNT_SNAPSHOTS, projectId)
                .invoke(count -> {
                    long max = limits.get("snapshots");
                    if (max >= 0 && count + 1 > max) {
                        throw new QuotaExceeded("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                                + max + ") exceeded for quota 'snapshots'.");
                    }
                })
                .chain(() -> checkGigabytes(s, projectId, NONE, sizeGb, limits.get("gigabytes")))
                .chain(() -> typeLimits(s, projectId))
                .chain(typeLimits -> checkType(s, typeLimits, "snapshots", TYPE_SNAPSHOTS, projectId, type, 1, null)
                        .chain(() -> checkType(s, typeLimits, "gigabytes", TYPE_GIGABYTES, projectId, type, sizeGb, NONE)))));
    }

    /** Fails with 413 when volume {@code volumeId} growing to {@code newSizeGb} would pass the gigabytes quotas. */
    public Uni<Void> checkResize(String projectId, UUID volumeId, int newSizeGb, Type type) {
        return lock(projectId).chain(limits -> Panache.getSession()
                .chain(s -> checkGigabytes(s, projectId, volumeId, newSizeGb, limits.get("gigabytes"))
                        .chain(() -> typeLimits(s, projectId))
                        .chain(typeLimits -> checkType(s, typeLimits, "gigabytes", TYPE_GIGABYTES, projectId, type,
                                newSizeGb, volumeId))));
    }

    private Uni<Void> checkGigabytes(Mutiny.Session s, String projectId, UUID except, int sizeGb, long max) {
        return number(s, USED_GIGABYTES, projectId, except).invoke(used -> {
            if (max >= 0 && used + sizeGb > max) {
                throw new QuotaExceeded("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed"
                        + " gigabytes quota. Requested " + sizeGb + "G, quota is " + max + "G and "
                        + used + "G has been consumed.");
            }
        }).replaceWithVoid();
    }

    /** The project's limits (its own where set, else the defaults). */
    public Uni<Map<String, Long>> limits(String projectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(READ_PROJECT).setParameter(1, projectId)
                .getResultList().map(rows -> merge(rows.isEmpty() ? null : (Object[]) rows.get(0))));
    }

    /** What the project uses: volumes, gigabytes, snapshots. */
    public Uni<Map<String, Long>> usage(String projectId) {
        return Panache.getSession().chain(s -> number(s, COUNT_VOLUMES, projectId)
                .chain(count -> number(s, USED_GIGABYTES, projectId, NONE)
                        .chain(gb -> number(s, COUNT_SNAPSHOTS, projectId).map(snaps -> {
                            Map<String, Long> u = new LinkedHashMap<>();
                            u.put("volumes", count);
                            u.put("gigabytes", gb);
                            u.put("snapshots", snaps);
                            return u;
                        }))));
    }

    /** Sets the given limits of the project (null keeps a limit as it is), in the caller's transaction. */
    public Uni<Map<String, Long>> set(String projectId, Map<String, Long> changes) {
        return lock(projectId).chain(current -> {
            Map<String, Long> next = new LinkedHashMap<>(current);
            next.putAll(changes);
            return Panache.getSession().chain(s -> s.createNativeQuery(SET).setParameter(1, projectId)
                    .setParameter(2, next.get("volumes").intValue()).setParameter(3, next.get("gigabytes").intValue())
                    .setParameter(4, next.get("snapshots").intValue()).executeUpdate()).replaceWith(next);
        });
    }

    /** Back to the defaults: drops the project's row, in the caller's transaction. */
    public Uni<Void> forget(String projectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FORGET).setParameter(1, projectId).executeUpdate()
                        .chain(() -> s.createNativeQuery(FORGET_TYPES).setParameter(1, projectId).executeUpdate()))
                .replaceWithVoid();
    }

    public Map<String, Long> defaults() {
        return merge(null);
    }

    /** Locks the project's row (made on first use) until the caller's transaction ends; returns its limits. */
    private Uni<Map<String, Long>> lock(String projectId) {
        return Panache.getSession()
                .call(s -> s.createNativeQuery(ADD_PROJECT).setParameter(1, projectId).executeUpdate())
                .chain(s -> s.createNativeQuery(LOCK_PROJECT).setParameter(1, projectId).getSingleResult())
                .map(row -> merge((Object[]) row));
    }

    private Map<String, Long> merge(Object[] row) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("volumes", value(row, 0, config.volumes()));
        m.put("gigabytes", value(row, 1, config.gigabytes()));
        m.put("snapshots", value(row, 2, config.snapshots()));
        return m;
    }

    private static long value(Object[] row, int i, int fallback) {
        return row == null || row[i] == null ? fallback : ((Number) row[i]).longValue();
    }

    private static Uni<Long> number(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> q = session.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult().map(n -> ((Number) n).longValue());
    }
}
