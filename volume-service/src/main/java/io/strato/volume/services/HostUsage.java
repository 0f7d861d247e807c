package io.strato.volume.services;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What os-hosts shows of a cinder-volume host: its volumes and snapshots by project. */
@ApplicationScoped
public class HostUsage {
    private static final String USAGE = "select project_id, kind, count(*), cast(coalesce(sum(size), 0) as bigint) from ("
            + "select project_id, 'volume' as kind, size from volume where backend = ?1 union all "
            + "select project_id, 'snapshot' as kind, size from snapshot where backend = ?1) u group by project_id, kind";

    private final ServiceStateRepository states;

    public HostUsage(ServiceStateRepository states) {
        this.states = states;
    }

    /** One project's (or "(total)"'s) count and GiB of volumes and of snapshots. */
    public record Usage(String project, long volumes, long volumeGb, long snapshots, long snapshotGb) {
    }

    /** The total first, then each project holding volumes or snapshots on {@code backend}. */
    @WithSession
    public Uni<List<Usage>> of(String backend) {
        return states.getSession().chain(s -> s.createNativeQuery(USAGE, Object[].class).setParameter(1, backend).getResultList())
                .map(rows -> {
                    Map<String, long[]> byProject = new TreeMap<>();
                    long[] total = new long[4];
                    for (Object[] r : rows) {
                        long[] u = byProject.computeIfAbsent((String) r[0], p -> new long[4]);
                        int at = "volume".equals(r[1]) ? 0 : 2;
                        long n = ((Number) r[2]).longValue();
                        long gb = ((Number) r[3]).longValue();
                        u[at] += n;
                        u[at + 1] += gb;
                        total[at] += n;
                        total[at + 1] += gb;
                    }
                    List<Usage> out = new ArrayList<>();
                    out.add(new Usage("(total)", total[0], total[1], total[2], total[3]));
                    byProject.forEach((p, u) -> out.add(new Usage(p, u[0], u[1], u[2], u[3])));
                    return out;
                });
    }
}
