package io.strato.compute.quotas;

import io.strato.compute.api.ApiVersion;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.rest.BodyRecords;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-quota-sets: {@code GET /os-quota-sets/{project}[/detail|/defaults]}, {@code PUT} and {@code DELETE}
 * (admins), with the resources Nova shows at the request's microversion (nova-network's until 2.36, injected
 * files' until 2.57).
 * Per-user quotas ({@code ?user_id=}) are not kept: reading them shows the project's, setting them is a 400.
 */
@Path("/v2.1/os-quota-sets/{project}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QuotaSetResource {
    private final QuotaSetService quotas;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public QuotaSetResource(QuotaSetService quotas, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.version = version;
        this.quotas = quotas;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<QuotaSetView.One> show(@PathParam("project") String project) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.SHOW, caller, NovaBaseRules.project(project));
        return quotas.limits(project).map(l -> new QuotaSetView.One(QuotaSetView.of(project, l, version.get())));
    }

    @GET
    @Path("detail")
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<QuotaSetView.DetailOne> detail(@PathParam("project") String project) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.DETAIL, caller, NovaBaseRules.project(project));
        return quotas.usage(project).map(u -> new QuotaSetView.DetailOne(QuotaSetView.Detail.of(project, u, version.get())));
    }

    @GET
    @Path("defaults")
    public QuotaSetView.One defaults(@PathParam("project") String project) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.DEFAULTS, caller, NovaBaseRules.project(project));
        return new QuotaSetView.One(QuotaSetView.of(project, quotas.defaults(), version.get()));
    }

    @PUT
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<QuotaSetView.One> update(@PathParam("project") String project, @QueryParam("user_id") String userId,
                                           QuotaSetBody body) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.UPDATE, caller, NovaBaseRules.project(project));
        if (userId != null) {
            throw new InvalidInput("Per-user quotas are not supported; set the project's quota.");
        }
        var quotaSet = BodyFields.object(BodyRecords.json(body), "quota_set");
        return quotas.update(project, quotaSet, version.get()).map(l -> new QuotaSetView.One(QuotaSetView.of(null, l, version.get())));
    }

    @DELETE
    @io.strato.compute.api.QueryKeys({"user_id"})
    public Uni<Response> reset(@PathParam("project") String project) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.DELETE, caller, NovaBaseRules.project(project));
        return quotas.reset(project).map(v -> Response.accepted().build());
    }
}
