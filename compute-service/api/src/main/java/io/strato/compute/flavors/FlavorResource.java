package io.strato.compute.flavors;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.rest.BodyRecords;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's flavors API: list, detail, show, create, update (2.55), delete, and flavor access; description from 2.55,
 * extra specs in the views from 2.61, swap 0 from 2.75.
 */
@Path("/v2.1/flavors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FlavorResource {
    private final FlavorService flavors;
    private final FlavorView view;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public FlavorResource(FlavorService flavors, FlavorView view, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.version = version;
        this.flavors = flavors;
        this.view = view;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"limit", "marker", "is_public", "minRam", "minDisk", "sort_key", "sort_dir"})
    public Uni<FlavorView.BriefMany> index(@Context UriInfo uri) {
        Caller caller = callers.get();
        FlavorQuery q = FlavorQuery.parse(params(uri));
        Microversion v = version.get();
        return flavors.list(caller, q, false).map(page -> new FlavorView.BriefMany(
                page.flavors().stream().map(f -> view.brief(f, v)).toList(), next(uri, q, page)));
    }

    @GET
    @Path("detail")
    @io.strato.compute.api.QueryKeys({"limit", "marker", "is_public", "minRam", "minDisk", "sort_key", "sort_dir"})
    public Uni<FlavorView.Many> detail(@Context UriInfo uri) {
        Caller caller = callers.get();
        FlavorQuery q = FlavorQuery.parse(params(uri));
        Microversion v = version.get();
        boolean specs = v.atLeast(61) && mayListSpecs(caller);
        return flavors.list(caller, q, specs).map(page -> new FlavorView.Many(
                page.flavors().stream().map(f -> view.detail(f, v, specs ? page.specs().getOrDefault(f.id, Map.of()) : null))
                        .toList(), next(uri, q, page)));
    }

    @GET
    @Path("{id}")
    public Uni<FlavorView.One> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        return flavors.show(id, caller).flatMap(f -> one(f, caller));
    }

    @POST
    public Uni<FlavorView.One> create(FlavorBody body) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.CREATE, caller, NovaBaseRules.project(caller.projectId()));
        FlavorRequest r = FlavorRequest.parse(BodyRecords.json(body), version.get());
        return flavors.create(r).flatMap(f -> one(f, caller));
    }

    /** 2.55: only the description of a flavor changes (admins). Before 2.55 the resource is not found, as in Nova. */
    @PUT
    @Path("{id}")
    public Uni<FlavorView.One> update(@PathParam("id") String id, FlavorBody.Update body) {
        Caller caller = callers.get();
        if (!version.atLeast(55)) {
            throw new NotFound("The resource could not be found.");
        }
        policy.enforce(FlavorPolicies.UPDATE, caller, NovaBaseRules.project(caller.projectId()));
        String description = FlavorRequest.updatedDescription(BodyRecords.json(body));
        return flavors.describe(id, description).flatMap(f -> one(f, caller));
    }

    /** {@code {"flavor": ...}} of show, create and update: from 2.61 with its extra specs when the caller may list them. */
    private Uni<FlavorView.One> one(Flavor f, Caller caller) {
        Microversion v = version.get();
        Uni<Map<String, String>> specs = v.atLeast(61) && mayListSpecs(caller)
                ? flavors.specsOf(f.id) : Uni.createFrom().nullItem();
        return specs.map(s -> new FlavorView.One(view.detail(f, v, s)));
    }

    /** Nova shows extra specs in flavor views to whoever may list them ({@code os-flavor-extra-specs:index}). */
    private boolean mayListSpecs(Caller caller) {
        return policy.allowed(FlavorPolicies.SPECS_INDEX, caller, NovaBaseRules.project(caller.projectId()));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.DELETE, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.delete(id).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/os-flavor-access")
    public Uni<FlavorView.AccessList> access(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.ACCESS_LIST, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.access(id).map(p -> FlavorView.access(id, p));
    }

    /** {@code addTenantAccess} and {@code removeTenantAccess}. */
    @POST
    @Path("{id}/action")
    public Uni<FlavorView.AccessList> action(@PathParam("id") String id, FlavorActionBody body) {
        Caller caller = callers.get();
        JsonNode b = BodyRecords.json(body);
        if (b.size() != 1) {
            throw new InvalidInput("The request body must name exactly one action.");
        }
        String action = b.fieldNames().next();
        boolean add = action.equals("addTenantAccess");
        if (!add && !action.equals("removeTenantAccess")) {
            throw new InvalidInput("There is no such action: " + action);
        }
        policy.enforce(add ? FlavorPolicies.ACCESS_ADD : FlavorPolicies.ACCESS_REMOVE, caller,
                NovaBaseRules.project(caller.projectId()));
        JsonNode a = BodyFields.object(b, action);
        BodyFields.onlyKnown(a, Set.of("tenant"));
        String tenant = BodyFields.name(a, "tenant", 255, true);
        return (add ? flavors.grant(id, tenant) : flavors.revoke(id, tenant))
                .map(p -> FlavorView.access(id, p));
    }

    private List<Link> next(UriInfo uri, FlavorQuery q, FlavorService.Page page) {
        return view.nextLinks(uri.getRequestUri(), q.paging().limit(), page.flavors());
    }

    static Map<String, String> params(UriInfo uri) {
        Map<String, String> out = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
        return out;
    }
}
