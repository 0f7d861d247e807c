package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads compute hosts for the admin APIs and changes what an admin may change of them: enabled/disabled (the
 * scheduler's ComputeFilter skips disabled hosts) or removal of a host with no servers. Up or down
 * is {@link HostLiveness}'s rule, the scheduler's own.
 */
@ApplicationScoped
public class HostCatalog {
    private final String select;

    public HostCatalog(HostLiveness liveness) {
        this.select = "SELECT " + HostRow.columns(liveness.upSql("h")) + " FROM compute_host h";
    }

    /** Every host by id. */
    @WithSession
    public Uni<List<HostRow>> all() {
        return query("", null);
    }

    /** The names of every compute host, disabled ones too (Nova's compute services), sorted. */
    @WithSession
    public Uni<List<String>> names() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT host FROM compute_host ORDER BY host", String.class)
                .getResultList());
    }

    /** The host with this id: Nova's integer id before 2.53 (else 404), its UUID from 2.53 (else 400); 404 when none. */
    @WithSession
    public Uni<HostRow> byId(String id, boolean uuid) {
        Object key;
        try {
            key = uuid ? java.util.UUID.fromString(id) : (Object) Integer.valueOf(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(uuid ? new io.strato.kit.faults.InvalidInput("Invalid uuid " + id) : notFound(id));
        }
        return query(uuid ? " WHERE uuid = :k" : " WHERE id = :k", key).map(rows -> {
            if (rows.isEmpty()) {
                throw notFound(id);
            }
            return rows.get(0);
        });
    }

    /** The servers on a host (id and name), for {@code /os-hypervisors/{id}/servers} and {@code with_servers}. */
    @WithSession
    public Uni<List<Object[]>> servers(String host) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT id, name FROM server WHERE host = :h AND vm_state <> 'deleted' ORDER BY created_at, id", Object[].class)
                .setParameter("h", host).getResultList());
    }

    /**
     * The flavor sizes of the servers on a host that are not deleted (Nova's instance_get_all_by_host), each as
     * {project id, vCPUs, memory MB, root + ephemeral GB}.
     */
    @WithSession
    public Uni<List<Object[]>> serverSizes(String host) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT project_id, "
                        + "coalesce((flavor ->> 'vcpus')::int, 0), coalesce((flavor ->> 'memory_mb')::int, 0), "
                        + "coalesce((flavor ->> 'root_gb')::int, 0) + coalesce((flavor ->> 'ephemeral_gb')::int, 0) "
                        + "FROM server WHERE host = :h AND vm_state <> 'deleted' ORDER BY created_at, id", Object[].class)
                .setParameter("h", host).getResultList());
    }

    /** Marks a host down whatever its heartbeats say (Nova's 2.11 force-down), or clears that. */
    @WithTransaction
    public Uni<HostRow> forceDown(String host, boolean down) {
        return update("UPDATE compute_host SET forced_down = :v, updated_at = now() WHERE host = :h", host,
                Map.of("v", down));
    }

    /** Enables or disables scheduling to a host; 404 "Unknown service" for a host that never reported. */
    @WithTransaction
    public Uni<HostRow> setEnabled(String host, boolean enabled, String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put("v", enabled);
        values.put("r", enabled ? null : reason);
        return update("UPDATE compute_host SET enabled = :v, disabled_reason = :r, updated_at = now() WHERE host = :h",
                host, values);
    }

    /** Removes a host's record; 409 while servers are on it. An agent that still runs registers it again. */
    @WithTransaction
    public Uni<Void> delete(HostRow h) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) FROM server WHERE host = :h", Long.class)
                .setParameter("h", h.host()).getSingleResult()
                .invoke(n -> {
                    if (n > 0) {
                        throw new Conflict("Unable to delete compute service that is hosting instances. "
                                + "Migrate or delete the instances first.");
                    }
                })
                .chain(() -> s.createNativeQuery("DELETE FROM allocation WHERE host = :h").setParameter("h", h.host()).executeUpdate())
                .chain(() -> s.createNativeQuery("DELETE FROM compute_host WHERE host = :h").setParameter("h", h.host()).executeUpdate()))
                .replaceWithVoid();
    }

    /** The host named {@code host}; 404 "Unknown service" when none. */
    @WithSession
    public Uni<HostRow> byName(String host) {
        return query(" WHERE host = :k", host).map(rows -> {
            if (rows.isEmpty()) {
                throw new NotFound("Unknown service");
            }
            return rows.get(0);
        });
    }

    private Uni<HostRow> update(String sql, String host, Map<String, Object> values) {
        return Panache.getSession().flatMap(s -> {
                    var q = s.createNativeQuery(sql).setParameter("h", host);
                    values.forEach(q::setParameter);
                    return q.executeUpdate();
                })
                .invoke(n -> {
                    if (n == 0) {
                        throw new NotFound("Unknown service");
                    }
                })
                .chain(() -> query(" WHERE host = :k", host)).map(rows -> rows.get(0));
    }

    private Uni<List<HostRow>> query(String where, Object key) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(select + where + " ORDER BY h.id", Object[].class);
            if (key != null) {
                q.setParameter("k", key);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(HostRow::of).toList());
    }

    static NotFound notFound(String id) {
        return new NotFound("Hypervisor with ID " + id + " could not be found.");
    }
}
