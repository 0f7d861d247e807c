package io.strato.compute.flavors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A flavor's extra specs ({@code flavor_extra_spec}) and access list ({@code flavor_access}); needs a session. */
@ApplicationScoped
public class FlavorSpecs {

    /** The extra specs of a flavor, sorted by key. */
    public Uni<Map<String, String>> of(String flavorId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT key, value FROM flavor_extra_spec WHERE flavor_id = :f", Object[].class)
                .setParameter("f", flavorId).getResultList()
                .map(rows -> {
                    Map<String, String> out = new TreeMap<>();
                    rows.forEach(r -> out.put((String) r[0], (String) r[1]));
                    return out;
                }));
    }

    /** The extra specs of several flavors at once (flavor id to its specs; flavors without specs are absent). */
    public Uni<Map<String, Map<String, String>>> ofAll(Collection<String> flavorIds) {
        if (flavorIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT flavor_id, key, value FROM flavor_extra_spec WHERE flavor_id IN (:f)", Object[].class)
                .setParameter("f", List.copyOf(flavorIds)).getResultList()
                .map(rows -> {
                    Map<String, Map<String, String>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], (String) r[2]));
                    return out;
                }));
    }

    /** Sets (adds or replaces) the given specs. */
    public Uni<Void> put(String flavorId, Map<String, String> specs) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> e : specs.entrySet()) {
            chain = chain.chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO flavor_extra_spec (flavor_id, key, value) VALUES (:f, :k, :v) "
                                    + "ON CONFLICT (flavor_id, key) DO UPDATE SET value = excluded.value")
                    .setParameter("f", flavorId).setParameter("k", e.getKey()).setParameter("v", e.getValue())
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    /** Removes one spec; false when the flavor had no such key. */
    public Uni<Boolean> delete(String flavorId, String key) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "DELETE FROM flavor_extra_spec WHERE flavor_id = :f AND key = :k")
                .setParameter("f", flavorId).setParameter("k", key).executeUpdate()).map(n -> n > 0);
    }

    /** Whether {@code projectId} is on the flavor's access list. */
    public Uni<Boolean> hasAccess(String flavorId, String projectId) {
        if (projectId == null) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM flavor_access WHERE flavor_id = :f AND project_id = :p", Long.class)
                .setParameter("f", flavorId).setParameter("p", projectId).getSingleResult()).map(n -> n > 0);
    }

    /** The projects on the flavor's access list, sorted. */
    public Uni<List<String>> access(String flavorId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT project_id FROM flavor_access WHERE flavor_id = :f ORDER BY project_id", String.class)
                .setParameter("f", flavorId).getResultList());
    }

    /** Adds a project to the access list; false when it was there already. */
    public Uni<Boolean> grant(String flavorId, String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO flavor_access (flavor_id, project_id) VALUES (:f, :p) ON CONFLICT DO NOTHING")
                .setParameter("f", flavorId).setParameter("p", projectId).executeUpdate()).map(n -> n > 0);
    }

    /** Removes a project from the access list; false when it was not there. */
    public Uni<Boolean> revoke(String flavorId, String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "DELETE FROM flavor_access WHERE flavor_id = :f AND project_id = :p")
                .setParameter("f", flavorId).setParameter("p", projectId).executeUpdate()).map(n -> n > 0);
    }
}
