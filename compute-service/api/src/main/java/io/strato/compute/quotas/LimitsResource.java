package io.strato.compute.quotas;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nova's {@code GET /limits}: the caller's project's absolute limits and use ({@code tenant_id=} for admins). */
@Path("/v2.1/limits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {
    private final QuotaSetService quotas;
    private final Policy policy;
    private final CurrentCaller callers;

    public LimitsResource(QuotaSetService quotas, Policy policy, CurrentCaller callers) {
        this.quotas = quotas;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<Map<String, Object>> limits(@QueryParam("tenant_id") String tenantId) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.LIMITS, caller, NovaBaseRules.project(caller.projectId()));
        String project = caller.projectId();
        if (tenantId != null && !tenantId.equals(project)) {
            policy.enforce(QuotaPolicies.LIMITS_OTHER_PROJECT, caller, NovaBaseRules.project(tenantId));
            project = tenantId;
        }
        return quotas.usage(project == null ? "" : project).map(u -> {
            Map<String, Object> limits = new LinkedHashMap<>();
            limits.put("rate", List.of());
            limits.put("absolute", absolute(u));
            return Map.of("limits", limits);
        });
    }

    /** Nova's absolute limits at 2.1, the legacy ones included (image meta, personality, nova-network's). */
    static Map<String, Object> absolute(QuotaSetService.Usage u) {
        Map<String, Integer> l = u.limits();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("maxServerMeta", l.get(QuotaResources.METADATA_ITEMS));
        a.put("maxImageMeta", l.get(QuotaResources.METADATA_ITEMS));
        a.put("maxPersonality", l.get("injected_files"));
        a.put("maxPersonalitySize", l.get("injected_file_content_bytes"));
        a.put("maxTotalKeypairs", l.get(QuotaResources.KEY_PAIRS));
        a.put("maxTotalInstances", l.get(QuotaResources.INSTANCES));
        a.put("maxTotalCores", l.get(QuotaResources.CORES));
        a.put("maxTotalRAMSize", l.get(QuotaResources.RAM));
        a.put("maxServerGroups", l.get(QuotaResources.SERVER_GROUPS));
        a.put("maxServerGroupMembers", l.get(QuotaResources.SERVER_GROUP_MEMBERS));
        a.put("totalInstancesUsed", u.used(QuotaResources.INSTANCES));
        a.put("totalCoresUsed", u.used(QuotaResources.CORES));
        a.put("totalRAMUsed", u.used(QuotaResources.RAM));
        a.put("totalServerGroupsUsed", u.used(QuotaResources.SERVER_GROUPS));
        a.put("maxSecurityGroups", l.get("security_groups"));
        a.put("maxSecurityGroupRules", l.get("security_group_rules"));
        a.put("maxTotalFloatingIps", l.get("floating_ips"));
        a.put("totalSecurityGroupsUsed", 0);
        a.put("totalFloatingIpsUsed", 0);
        return a;
    }
}
