package io.strato.volume.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.data.quota.ProjectQuotas;
import io.strato.kit.faults.QuotaExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A project's volume quotas on the kit's {@link ProjectQuotas}: every decision locks the project's
 * {@code quota_lock} row inside the caller's transaction and only then counts, so two creates of one project
 * decide one after the other and can never pass a limit together. The limits are the configured defaults
 * overridden by the project's rows of {@code quota}; the per-type ones ({@code volumes_<type>},
 * {@code gigabytes_<type>}, {@code snapshots_<type>}, by the type's name as Cinder keys them) are unlimited
 * unless a row sets them. Refusals are Cinder's 413 with Cinder's messages.
 */
@ApplicationScoped
public class VolumeQuota {
    /** Cinder's project-wide resources, in the order its API lists them. */
    public static final List<String> RESOURCES = List.of("volumes", "gigabytes", "snapshots", "backups",
            "backup_gigabytes", "groups", "per_volume_gigabytes");
    /** The resources that also have a limit per volume type ({@code volumes_<type>}...). */
    static final List<String> PER_TYPE = List.of("volumes", "gigabytes", "snapshots");
    /** The largest size of one volume: checked against the size asked for, not counted. */
    static final String PER_VOLUME = "per_volume_gigabytes";
    /** The quota rows of quota class {@code name} are kept under this key in place of a project's id. */
    static final String CLASS_PREFIX = "class:";
    static final String DEFAULT_CLASS = "default";
    private static final String COUNT_VOLUMES = "select count(*) from volume where project_id = ?1";
    /** GiB the project's volumes (an extend in progress at its target size) and snapshots hold, as Cinder counts. */
    private static final String USED_GIGABYTES = "select cast(coalesce((select sum(greatest(size, coalesce(extending_to, 0)))"
            + " from volume where project_id = ?1 and id <> ?2), 0) + coalesce((select sum(size) from snapshot"
            + " where project_id = ?1), 0) as bigint)";
    private static final String COUNT_SNAPSHOTS = "select count(*) from snapshot where project_id = ?1";
    private static final UUID NONE = new UUID(0, 0);
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
        /** Cinder's key of the type's own limit of {@code resource}, e.g. {@code volumes_gold}. */
        String key(String resource) {
            return resource + "_" + name;
        }
    }

    private final QuotaConfig config;
    /** A project's rows only (the defaults it is given are the quota class's: see {@link #defaults()}). */
    private final ProjectQuotas rows;

    VolumeQuota(QuotaConfig config) {
        this.config = config;
        this.rows = new ProjectQuotas(Map::of);
    }

    /**
     * Fails with 413 when one more volume of {@code sizeGb} (of {@code type}) would pass the project's quotas, or is
     * larger than its per_volume_gigabytes.
     */
    public Uni<Void> checkCreate(String projectId, int sizeGb, Type type) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(PER_VOLUME, (long) sizeGb);
        requested.putAll(oneMore("volumes", sizeGb, type));
        return claim(projectId, type, NONE, requested);
    }

    /** Fails with 413 when a volume of {@code sizeGb} moving to {@code type} would pass that type's limits. */
    public Uni<Void> checkRetype(String projectId, int sizeGb, Type type) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(type.key("volumes"), 1L);
        requested.put(type.key("gigabytes"), (long) sizeGb);
        return claim(projectId, type, NONE, requested);
    }

    /** Fails with 413 when one more snapshot of {@code sizeGb} (of a volume of {@code type}) would pass the project's quotas. */
    public Uni<Void> checkSnapshot(String projectId, int sizeGb, Type type) {
        return claim(projectId, type, NONE, oneMore("snapshots", sizeGb, type));
    }

    /**
     * Fails with 413 when a transferred volume of {@code sizeGb} with {@code snapshots} snapshots holding
     * {@code snapshotGb} would pass the receiving project's quotas (Cinder's accept reserves the volume, then its
     * snapshots, in the receiving project). What the giving project holds is released by the move itself: usage is
     * counted from the rows.
     */
    public Uni<Void> checkTransfer(String projectId, int sizeGb, int snapshots, long snapshotGb, Type type) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(PER_VOLUME, (long) sizeGb);
        requested.putAll(oneMore("volumes", sizeGb, type));
        if (snapshots > 0) {
            requested.put("snapshots", (long) snapshots);
            requested.merge("gigabytes", snapshotGb, Long::sum);
            requested.put(type.key("snapshots"), (long) snapshots);
            requested.merge(type.key("gigabytes"), snapshotGb, Long::sum);
        }
        return claim(projectId, type, NONE, requested);
    }

    /** One more {@code counted} of {@code sizeGb}: the count, the gigabytes, then the type's own of both. */
    private static Map<String, Long> oneMore(String counted, int sizeGb, Type type) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(counted, 1L);
        requested.put("gigabytes", (long) sizeGb);
        requested.put(type.key(counted), 1L);
        requested.put(type.key("gigabytes"), (long) sizeGb);
        return requested;
    }

    /** Fails with 413 when volume {@code volumeId} growing to {@code newSizeGb} would pass the gigabytes quotas. */
    public Uni<Void> checkResize(String projectId, UUID volumeId, int newSizeGb, Type type) {
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put(PER_VOLUME, (long) newSizeGb);
        requested.put("gigabytes", (long) newSizeGb);
        requested.put(type.key("gigabytes"), (long) newSizeGb);
        return claim(projectId, type, volumeId, requested);
    }

    /**
     * Claims {@code requested} under the project's lock. Its order is Cinder's order of checking (the count,
     * the gigabytes, then the type's own limits): the refusal names the first resource that would go over.
     *
     * @param except a volume the gigabytes counts leave out (the one being resized), else {@link #NONE}
     */
    private Uni<Void> claim(String projectId, Type type, UUID except, Map<String, Long> requested) {
        return defaults().chain(d -> {
            // the type's own limits are unlimited unless the default class or the project sets them
            Map<String, Integer> known = new LinkedHashMap<>(d);
            PER_TYPE.forEach(r -> known.putIfAbsent(type.key(r), -1));
            return new ProjectQuotas(() -> known).claim(projectId, projectId, requested,
                    () -> used(projectId, type, except, requested), overs -> refusal(requested, overs, type));
        });
    }

    /** What the project uses of each requested resource; runs once the lock is held. */
    private Uni<Map<String, Long>> used(String projectId, Type type, UUID except, Map<String, Long> requested) {
        return Panache.getSession().chain(s -> {
            Map<String, Long> used = new LinkedHashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String resource : requested.keySet()) {
                chain = chain.chain(() -> count(s, resource, projectId, type, except).invoke(n -> used.put(resource, n)))
                        .replaceWithVoid();
            }
            return chain.replaceWith(used);
        });
    }

    private static Uni<Long> count(Mutiny.Session s, String resource, String projectId, Type type, UUID except) {
        if (resource.equals(PER_VOLUME)) {
            return Uni.createFrom().item(0L);
        }
        if (resource.equals("volumes")) {
            return number(s, COUNT_VOLUMES, projectId);
        }
        if (resource.equals("gigabytes")) {
            return number(s, USED_GIGABYTES, projectId, except);
        }
        if (resource.equals("snapshots")) {
            return number(s, COUNT_SNAPSHOTS, projectId);
        }
        if (resource.equals(type.key("volumes"))) {
            return number(s, TYPE_VOLUMES, projectId, type.id());
        }
        if (resource.equals(type.key("gigabytes"))) {
            return number(s, TYPE_GIGABYTES, projectId, type.id(), except);
        }
        return number(s, TYPE_SNAPSHOTS, projectId, type.id());
    }

    /** Cinder's refusal of the first requested resource that would go over. */
    private static QuotaExceeded refusal(Map<String, Long> requested, List<ProjectQuotas.Over> overs, Type type) {
        ProjectQuotas.Over o = requested.keySet().stream()
                .flatMap(r -> overs.stream().filter(over -> over.resource().equals(r))).findFirst().orElseThrow();
        return switch (o.resource()) {
            case PER_VOLUME -> new QuotaExceeded("VolumeSizeExceedsLimit: Requested volume size " + o.requested()
                    + "G is larger than maximum allowed limit " + o.limit() + "G.");
            case "volumes" -> new QuotaExceeded("VolumeLimitExceeded: Maximum number of volumes allowed ("
                    + o.limit() + ") exceeded for quota 'volumes'.");
            case "snapshots" -> new QuotaExceeded("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                    + o.limit() + ") exceeded for quota 'snapshots'.");
            case "gigabytes" -> new QuotaExceeded("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds"
                    + " allowed gigabytes quota. Requested " + o.requested() + "G, quota is " + o.limit() + "G and "
                    + o.used() + "G has been consumed.");
            default -> new QuotaExceeded("VolumeLimitExceeded: Maximum "
                    + PER_TYPE.stream().filter(r -> type.key(r).equals(o.resource())).findFirst().orElseThrow()
                    + " of volume type " + type.name() + " allowed (" + o.limit() + ") exceeded for quota '"
                    + o.resource() + "': " + o.used() + " used, " + o.requested() + " requested.");
        };
    }

    /**
     * Every type's limits for the project and their usage, keyed as Cinder keys them: {limit (-1: none), in use}; a
     * limit is the project's own, else the default class's, else none.
     */
    public Uni<Map<String, long[]>> perType(String projectId) {
        return defaults().chain(d -> rows.overrides(projectId).chain(own -> Panache.getSession().chain(s -> s
                .createNativeQuery(TYPE_USAGE).setParameter(1, projectId).getResultList().map(result -> {
                    Map<String, long[]> m = new TreeMap<>();
                    for (Object row : result) {
                        Object[] r = (Object[]) row;
                        String name = (String) r[0];
                        long[] used = {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
                        int i = 0;
                        for (String res : PER_TYPE) {
                            String key = res + "_" + name;
                            m.put(key, new long[] {own.getOrDefault(key, d.getOrDefault(key, -1)), used[i++]});
                        }
                    }
                    return m;
                }))));
    }

    /**
     * Quota class {@code name}'s limits of the project-wide resources and of every type ({@code volumes_<type>}...;
     * -1 unless the class sets one), as Cinder shows a class and a project's defaults.
     */
    public Uni<Map<String, Long>> classLimits(String name) {
        return quotaClass(name).chain(c -> Panache.getSession().chain(s -> s
                .createNativeQuery("select name from volume_type order by name", String.class).getResultList()
                .map(types -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    RESOURCES.forEach(r -> out.put(r, (long) c.get(r)));
                    for (String t : types) {
                        PER_TYPE.forEach(r -> out.put(r + "_" + t, (long) c.getOrDefault(r + "_" + t, -1)));
                    }
                    return out;
                })));
    }

    /** The project's limits of the project-wide resources (its own where set, else the defaults). */
    public Uni<Map<String, Long>> limits(String projectId) {
        return defaults().chain(d -> rows.overrides(projectId).map(own -> {
            Map<String, Long> out = new LinkedHashMap<>();
            RESOURCES.forEach(r -> out.put(r, (long) own.getOrDefault(r, d.get(r))));
            return out;
        }));
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

    /**
     * Sets limits of the project, project-wide ({@code volumes}...) and per type ({@code volumes_<type>}...),
     * in the caller's transaction and under the project's lock, so a claim sees the old limits or the new ones.
     */
    public Uni<Void> set(String projectId, Map<String, Long> limits) {
        return ProjectQuotas.lock(projectId).chain(() -> rows.override(projectId, ints(limits)));
    }

    /** Back to the defaults (os-quota-sets DELETE), in the caller's transaction. */
    public Uni<Void> reset(String projectId) {
        return rows.reset(projectId);
    }

    /** A deleted project: its limits and its lock row go, in the caller's transaction. */
    public Uni<Void> forget(String projectId) {
        return rows.forget(projectId);
    }

    /**
     * The defaults every project starts from: the configured ones (Cinder's quota_* options) overridden by the
     * {@code default} quota class, which may also hold per-type keys ({@code volumes_<type>}...).
     */
    public Uni<Map<String, Integer>> defaults() {
        return quotaClass(DEFAULT_CLASS);
    }

    /** Quota class {@code name}: the configured defaults with the class's rows over them. */
    public Uni<Map<String, Integer>> quotaClass(String name) {
        return rows.overrides(CLASS_PREFIX + name).map(own -> {
            Map<String, Integer> out = configured();
            out.putAll(own);
            return out;
        });
    }

    /** Sets limits of quota class {@code name} (the default class changes every project's defaults). */
    public Uni<Void> setClass(String name, Map<String, Long> limits) {
        return ProjectQuotas.lock(CLASS_PREFIX + name).chain(() -> rows.override(CLASS_PREFIX + name, ints(limits)));
    }

    /** Cinder's project-wide resources with their configured defaults, in the order the API lists them. */
    private Map<String, Integer> configured() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("volumes", config.volumes());
        m.put("gigabytes", config.gigabytes());
        m.put("snapshots", config.snapshots());
        m.put("backups", config.backups());
        m.put("backup_gigabytes", config.backupGigabytes());
        m.put("groups", config.groups());
        m.put(PER_VOLUME, config.perVolumeGigabytes());
        return m;
    }

    private static Map<String, Integer> ints(Map<String, Long> limits) {
        Map<String, Integer> out = new LinkedHashMap<>();
        limits.forEach((k, v) -> out.put(k, v.intValue()));
        return out;
    }

    private static Uni<Long> number(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> q = session.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult().map(n -> ((Number) n).longValue());
    }
}
