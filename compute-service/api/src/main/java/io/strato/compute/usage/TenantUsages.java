package io.strato.compute.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The servers that ran during a period, as Nova's {@code get_active_by_window_joined}: launched before its end and
 * not terminated before its start; a server never launched is not counted. Ordered by creation.
 */
@ApplicationScoped
public class TenantUsages {
    private static final String SELECT = "SELECT id, name, project_id, coalesce(flavor ->> 'name', ''), "
            + "coalesce((flavor ->> 'vcpus')::int, 0), coalesce((flavor ->> 'memory_mb')::int, 0), "
            + "coalesce((flavor ->> 'root_gb')::int, 0) + coalesce((flavor ->> 'ephemeral_gb')::int, 0), vm_state, launched_at, "
            + "CASE WHEN vm_state = 'deleted' THEN updated_at END FROM server "
            + "WHERE launched_at IS NOT NULL AND launched_at < :stop AND (vm_state <> 'deleted' OR updated_at > :start)";

    /**
     * @param projectId null: every project
     * @param marker    from 2.40, the servers after this one (by creation), or null
     * @param limit     at most this many (Integer.MAX_VALUE: all)
     */
    @WithSession
    public Uni<List<ServerUsage>> during(Instant start, Instant stop, String projectId, UUID marker, int limit) {
        String sql = SELECT + (projectId == null ? "" : " AND project_id = :p")
                + (marker == null ? "" : " AND (created_at, id) > (SELECT created_at, id FROM server WHERE id = :m)")
                + " ORDER BY created_at, id LIMIT :l";
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, Object[].class).setParameter("start", start).setParameter("stop", stop)
                    .setParameter("l", limit);
            if (projectId != null) {
                q.setParameter("p", projectId);
            }
            if (marker != null) {
                q.setParameter("m", marker);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new ServerUsage(r[0].toString(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7],
                instant(r[8]), instant(r[9]))).toList());
    }

    /** Whether a server with this id exists (a 2.40 marker must name one). */
    @WithSession
    public Uni<Boolean> exists(UUID id) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) FROM server WHERE id = :m", Long.class)
                .setParameter("m", id).getSingleResult()).map(n -> n > 0);
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof OffsetDateTime t ? t.toInstant() : o instanceof Instant i ? i
                : ((java.time.LocalDateTime) o).toInstant(java.time.ZoneOffset.UTC);
    }
}
