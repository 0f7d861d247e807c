package io.strato.compute.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** A project's compute limits: its overrides in the {@code quota} table, else the configured defaults. */
@ApplicationScoped
public class QuotaLimits {
    private final QuotaConfig config;

    public QuotaLimits(QuotaConfig config) {
        this.config = config;
    }

    /** The default of every resource (legacy ones included). */
    public Map<String, Integer> defaults() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put(QuotaResources.INSTANCES, config.instances());
        d.put(QuotaResources.CORES, config.cores());
        d.put(QuotaResources.RAM, config.ram());
        d.put(QuotaResources.METADATA_ITEMS, config.metadataItems());
        d.put(QuotaResources.KEY_PAIRS, config.keyPairs());
        d.put(QuotaResources.SERVER_GROUPS, config.serverGroups());
        d.put(QuotaResources.SERVER_GROUP_MEMBERS, config.serverGroupMembers());
        d.put("injected_files", config.injectedFiles());
        d.put("injected_file_content_bytes", config.injectedFileContentBytes());
        d.put("injected_file_path_bytes", config.injectedFilePathBytes());
        d.put("floating_ips", 10);
        d.put("fixed_ips", -1);
        d.put("security_groups", 10);
        d.put("security_group_rules", 20);
        return d;
    }

    /** Every limit of a project (needs a session). */
    public Uni<Map<String, Integer>> of(String projectId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT resource, hard_limit FROM quota WHERE project_id = :p", Object[].class)
                .setParameter("p", projectId).getResultList()).map(rows -> {
                    Map<String, Integer> out = defaults();
                    for (Object[] r : rows) {
                        if (out.containsKey((String) r[0])) {
                            out.put((String) r[0], ((Number) r[1]).intValue());
                        }
                    }
                    return out;
                });
    }

    /** One limit of a project (needs a session); -1 is unlimited. */
    public Uni<Integer> of(String projectId, String resource) {
        return of(projectId).map(all -> all.get(resource));
    }
}
