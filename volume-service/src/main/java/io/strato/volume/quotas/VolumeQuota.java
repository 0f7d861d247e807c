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
    public static final List<String> RESOURCES = List.of("volumes", "gigabytes", "snapshots");
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
    private final ProjectQuotas quotas;

    VolumeQuota(QuotaConfig config) {
        this.config = config;
        this.quotas = new ProjectQuotas(this::projectDefaults);
    }

    /** Fails with 413 when one more volume of {@code sizeGb} (of {@code type}) would pass the project's quotas. */
    public Uni<Void> checkCreate(String projectId, int sizeGb, Type type) {
        return claim(projectId, type, NONE, oneMore("volumes", sizeGb, type));
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
        return withTypeLimits(type).claim(projectId, projectId, requested,
                () -> used(projectId, type, except, requested), overs -> refusal(requested, overs, type));
    }

    /** The kit's quotas knowing the type's own limits too (unlimited unless the project sets them). */
    private ProjectQuotas withTypeLimits(Type type) {
        return new ProjectQuotas(() -> {
            Map<String, Integer> all = projectDefaults();
            RESOURCES.forEach(r -> all.put(type.key(r), -1));
            return all;
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
            case "volumes" -> new QuotaExceeded("VolumeLimitExceeded: Maximum number of volumes allowed ("
                    + o.limit() + ") exceeded for quota 'volumes'.");
            case "snapshots" -> new QuotaExceeded("SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                    + o.limit() + ") exceeded for quota 'snapshots'.");
            case "gigabytes" -> new QuotaExceeded("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds"
                    + " allowed gigabytes quota. Requested " + o.requested() + "G, quota is " + o.limit() + "G and "
                    + o.used() + "G has been consumed.");
            default -> new QuotaExceeded("VolumeLimitExceeded: Maximum "
                    + RESOURCES.stream().filter(r -> type.key(r).equals(o.resource())).findFirst().orElseThrow()
                    + " of volume type " + type.name() + " allowed (" + o.limit() + ") exceeded for quota '"
                    + o.resource() + "': " + o.used() + " used, " + o.requested() + " requested.");
        };
    }

    /** The per-type limits set for the project and every type's usage, keyed as Cinder keys them: {limit (-1: none), in use}. */
    public Uni<Map<String, long[]>> perType(String projectId) {
        return quotas.overrides(projectId).chain(limits -> Panache.getSession().chain(s -> s.createNativeQuery(TYPE_USAGE)
                .setParameter(1, projectId).getResultList().map(rows -> {
                    Map<String, long[]> m = new TreeMap<>();
                    for (Object row : rows) {
                        Object[] r = (Object[]) row;
                        String name = (String) r[0];
                        long[] used = {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()};
                        int i = 0;
                        for (String res : RESOURCES) {
                            String key = res + "_" + name;
                            m.put(key, new long[] {limits.getOrDefault(key, -1), used[i++]});
                        }
                    }
                    return m;
                })));
    }

    /** The project's limits (its own where set, else the defaults). */
    public Uni<Map<String, Long>> limits(String projectId) {
        return quotas.limits(projectId).map(VolumeQuota::longs);
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
        Map<String, Integer> rows = new LinkedHashMap<>();
        limits.forEach((k, v) -> rows.put(k, v.intValue()));
        return ProjectQuotas.lock(projectId).chain(() -> quotas.override(projectId, rows));
    }

    /** Back to the defaults (os-quota-sets DELETE), in the caller's transaction. */
    public Uni<Void> reset(String projectId) {
        return quotas.reset(projectId);
    }

    /** A deleted project: its limits and its lock row go, in the caller's transaction. */
    public Uni<Void> forget(String projectId) {
        return quotas.forget(projectId);
    }

    public Map<String, Long> defaults() {
        return longs(projectDefaults());
    }

    /** Cinder's project-wide resources with their configured defaults, in the order the API lists them. */
    private Map<String, Integer> projectDefaults() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("volumes", config.volumes());
        m.put("gigabytes", config.gigabytes());
        m.put("snapshots", config.snapshots());
        return m;
    }

    private static Map<String, Long> longs(Map<String, Integer> limits) {
        Map<String, Long> out = new LinkedHashMap<>();
        limits.forEach((k, v) -> out.put(k, v.longValue()));
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
