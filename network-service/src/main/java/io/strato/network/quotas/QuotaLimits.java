package io.strato.network.quotas;

import io.smallrye.mutiny.Uni;
import io.strato.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** A project's limits: its overrides in the {@code quota} table, else the configured defaults. */
@ApplicationScoped
public class QuotaLimits {
    /** Neutron's own defaults, for resources the configuration leaves out. */
    private static final Map<String, Integer> NEUTRON_DEFAULTS = Map.of("network", 100, "subnet", 100, "port", 500,
            "router", 10, "floatingip", 50, "security_group", 10, "security_group_rule", 100);

    private final NetworkConfig config;

    public QuotaLimits(NetworkConfig config) {
        this.config = config;
    }

    /** The default limit of every resource, in Neutron's order. */
    public Map<String, Integer> defaults() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String r : QuotaResources.TABLES.keySet()) {
            out.put(r, config.quota().getOrDefault(r, NEUTRON_DEFAULTS.get(r)));
        }
        return out;
    }

    /** Every limit of a project (needs a session). */
    public Uni<Map<String, Integer>> all(Mutiny.Session s, String projectId) {
        return overrides(s, projectId).map(o -> {
            Map<String, Integer> out = defaults();
            out.putAll(o);
            return out;
        });
    }

    Uni<Integer> limit(Mutiny.Session s, String projectId, String resource) {
        return overrides(s, projectId).map(o -> o.getOrDefault(resource, defaults().get(resource)));
    }

    Uni<Map<String, Integer>> overrides(Mutiny.Session s, String projectId) {
        return s.createNativeQuery("SELECT resource, hard_limit FROM quota WHERE project_id = :p", Object[].class)
                .setParameter("p", projectId).getResultList().map(QuotaLimits::toMap);
    }

    static Map<String, Integer> toMap(List<Object[]> rows) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], ((Number) row[1]).intValue());
        }
        return out;
    }
}
