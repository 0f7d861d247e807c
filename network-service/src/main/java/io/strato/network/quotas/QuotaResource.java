package io.strato.network.quotas;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.BodyRecords;
import io.strato.network.api.Neutron;
import io.strato.network.policy.NetworkPolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Neutron's quotas extension: {@code /v2.0/quotas[/{project_id}[/default|/details.json]]}. */
@Path("/v2.0/quotas")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {
    private final QuotaService quotas;
    private final Policy policy;
    private final CurrentCaller callers;

    public QuotaResource(QuotaService quotas, Policy policy, CurrentCaller callers) {
        this.quotas = quotas;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<QuotaView.Many> list() {
        Caller caller = callers.get();
        policy.enforce(NetworkPolicies.ADMIN, caller, Map.of());
        return quotas.overridden().map(QuotaView.Many::new);
    }

    @GET
    @Path("{project}")
    public Uni<QuotaView.One> show(@PathParam("project") String project) {
        Caller caller = callers.get();
        String p = strip(project, ".json");
        policy.enforce(QuotaPolicies.GET, caller, NetworkPolicies.target(p));
        return quotas.limits(p).map(QuotaView.One::new);
    }

    @GET
    @Path("{project}/default")
    public QuotaView.One defaults(@PathParam("project") String project) {
        Caller caller = callers.get();
        policy.enforce(QuotaPolicies.GET, caller, NetworkPolicies.target(project));
        return new QuotaView.One(quotas.defaults());
    }

    /**
     * {@code quota_details}: as Neutron's {@code DetailQuotaSetsController}, not a policy rule: a project's own
     * caller (any role) or an admin; anyone else is 403 {@code AdminRequired}.
     */
    @GET
    @Path("{project}/details{ext: (\\.json)?}")
    public Uni<QuotaView.WithDetails> details(@PathParam("project") String project) {
        Caller caller = callers.get();
        if (!project.equals(caller.projectId()) && !NetworkPolicies.isAdmin(policy, caller)) {
            throw Neutron.forbidden("AdminRequired",
                    "User does not have admin privileges: Only admin is authorized to access quotas for another project.");
        }
        return quotas.details(project).map(QuotaView.WithDetails::new);
    }

    @PUT
    @Path("{project}")
    public Uni<QuotaView.One> update(@PathParam("project") String project, QuotaBody body) {
        Caller caller = callers.get();
        String p = strip(project, ".json");
        policy.enforce(QuotaPolicies.UPDATE, caller, NetworkPolicies.target(p));
        return quotas.update(p, BodyRecords.wrapped(body, QuotaBody::quota, "quota")).map(QuotaView.One::new);
    }

    @DELETE
    @Path("{project}")
    public Uni<Response> reset(@PathParam("project") String project) {
        Caller caller = callers.get();
        String p = strip(project, ".json");
        policy.enforce(QuotaPolicies.DELETE, caller, NetworkPolicies.target(p));
        return quotas.reset(p).map(v -> Response.noContent().build());
    }

    private static String strip(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
