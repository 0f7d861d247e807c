package io.strato.compute.quotas;

import io.strato.compute.api.ApiVersion;

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

/** Nova's {@code GET /limits}: the caller's project's absolute limits and use ({@code tenant_id=} for admins). */
@Path("/v2.1/limits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {
    private final QuotaSetService quotas;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public LimitsResource(QuotaSetService quotas, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.version = version;
        this.quotas = quotas;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"tenant_id"})
    public Uni<LimitsView> limits(@QueryParam("tenant_id") String tenantId) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.LIMITS, caller, NovaBaseRules.project(caller.projectId()));
        String project = caller.projectId();
        if (tenantId != null && !tenantId.equals(project)) {
            policy.enforce(QuotaPolicies.LIMITS_OTHER_PROJECT, caller, NovaBaseRules.project(tenantId));
            project = tenantId;
        }
        return quotas.usage(project == null ? "" : project).map(u -> LimitsView.of(u, version.get()));
    }
}
