package io.strato.compute.quotas;

import io.strato.kit.data.quota.ProjectQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compute's quota resources and their configured defaults, as the kit's {@link ProjectQuotas}: a project's
 * limits are these defaults with its overrides in the {@code quota} table.
 */
@ApplicationScoped
public class QuotaDefaults {

    @Produces
    @Singleton
    ProjectQuotas projectQuotas(QuotaConfig config) {
        return new ProjectQuotas(() -> defaults(config));
    }

    /** The default of every resource (legacy ones included). */
    static Map<String, Integer> defaults(QuotaConfig config) {
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
}
