package io.strato.compute.hosts;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's rules for hypervisors, hosts (os-hosts), and services (admins only) and availability zones (anyone lists them). */
@ApplicationScoped
public class HostPolicies implements PolicyRules {
    static final String HYPERVISORS_LIST = "os_compute_api:os-hypervisors:list";
    static final String HYPERVISORS_DETAIL = "os_compute_api:os-hypervisors:list-detail";
    static final String HYPERVISORS_SHOW = "os_compute_api:os-hypervisors:show";
    static final String HYPERVISORS_STATISTICS = "os_compute_api:os-hypervisors:statistics";
    static final String HYPERVISORS_UPTIME = "os_compute_api:os-hypervisors:uptime";
    static final String HYPERVISORS_SEARCH = "os_compute_api:os-hypervisors:search";
    static final String HYPERVISORS_SERVERS = "os_compute_api:os-hypervisors:servers";
    static final String SERVICES_LIST = "os_compute_api:os-services:list";
    static final String SERVICES_UPDATE = "os_compute_api:os-services:update";
    static final String SERVICES_DELETE = "os_compute_api:os-services:delete";
    static final String HOSTS_LIST = "os_compute_api:os-hosts:list";
    static final String HOSTS_SHOW = "os_compute_api:os-hosts:show";
    static final String HOSTS_UPDATE = "os_compute_api:os-hosts:update";
    static final String HOSTS_REBOOT = "os_compute_api:os-hosts:reboot";
    static final String HOSTS_SHUTDOWN = "os_compute_api:os-hosts:shutdown";
    static final String HOSTS_START = "os_compute_api:os-hosts:start";
    static final String ZONES_LIST = "os_compute_api:os-availability-zone:list";
    static final String ZONES_DETAIL = "os_compute_api:os-availability-zone:detail";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry(HYPERVISORS_LIST, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_DETAIL, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_SHOW, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_STATISTICS, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_UPTIME, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_SEARCH, NovaBaseRules.ADMIN),
                Map.entry(HYPERVISORS_SERVERS, NovaBaseRules.ADMIN),
                Map.entry(SERVICES_LIST, NovaBaseRules.ADMIN),
                Map.entry(SERVICES_UPDATE, NovaBaseRules.ADMIN),
                Map.entry(SERVICES_DELETE, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_LIST, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_SHOW, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_UPDATE, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_REBOOT, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_SHUTDOWN, NovaBaseRules.ADMIN),
                Map.entry(HOSTS_START, NovaBaseRules.ADMIN),
                Map.entry(ZONES_LIST, NovaBaseRules.ANY),
                Map.entry(ZONES_DETAIL, NovaBaseRules.ADMIN));
    }
}
