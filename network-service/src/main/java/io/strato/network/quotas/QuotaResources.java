package io.strato.network.quotas;

import java.util.LinkedHashMap;
import java.util.Map;

/** The resources Neutron counts against a project's quota, and the table each is counted in. */
final class QuotaResources {
    /** Neutron's quota resource name to its table (counted by project_id). */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("network", "network");
        TABLES.put("subnet", "subnet");
        TABLES.put("port", "port");
        TABLES.put("router", "router");
        TABLES.put("floatingip", "floating_ip");
        TABLES.put("security_group", "security_group");
        TABLES.put("security_group_rule", "security_group_rule");
    }

    private QuotaResources() {
    }
}
