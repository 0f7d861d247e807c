package io.strato.compute.flavors;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
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

/** Nova's flavors API: list, detail, show, create, update (2.55), delete, and flavor access. */
@Path("/v2.1/flavors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FlavorResource {
    private final FlavorService flavors;
    private final FlavorView view;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final JsonBody json;

    public FlavorResource(FlavorService flavors, FlavorView view, Policy policy, CurrentCaller callers,
                          ApiVersion version, JsonBody json) {
        this.flavors = flavors;
        this.view = view;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.json = json;
    }

    @GET
    public Uni<Map<String, Object>> index(@Context UriInfo uri) {
        Caller caller = callers.get();
        int minor = version.get().minor();
        FlavorQuery q = FlavorQuery.parse(params(uri));
        return flavors.list(caller, q, false).map(page -> collection(uri, "flavors", q, page,
                page.flavors().stream().map(f -> view.brief(f, minor)).toList()));
    }

    @GET
    @Path("detail")
    public Uni<Map<String, Object>> detail(@Context UriInfo uri) {
        Caller caller = callers.get();
        int minor = version.get().minor();
        FlavorQuery q = FlavorQuery.parse(params(uri));
        boolean specs = minor >= 61 && mayReadSpecs(caller);
        return flavors.list(caller, q, specs).map(page -> collection(uri, "flavors/detail", q, page,
                page.flavors().stream().map(f -> view.detail(f, minor,
                        specs ? page.specs().getOrDefault(f.id, Map.of()) : null)).toList()));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        return flavors.show(id, caller).flatMap(f -> withSpecs(f, caller));
    }

    @POST
    public Uni<Map<String, Object>> create(String body) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.CREATE, caller, NovaBaseRules.project(caller.projectId()));
        FlavorRequest r = FlavorRequest.parse(json.object(body), version.get().minor());
        return flavors.create(r).flatMap(f -> withSpecs(f, caller));
    }

    /** 2.55: only the description of a flavor can change. */
    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> update(@PathParam("id") String id, String body) {
        Caller caller = callers.get();
        if (!version.atLeast(55)) {
            throw new NotFound("The resource could not be found.");
        }
        policy.enforce(FlavorPolicies.UPDATE, caller, NovaBaseRules.project(caller.projectId()));
        JsonNode f = BodyFields.object(json.object(body), "flavor");
        BodyFields.onlyKnown(f, Set.of("description"));
        JsonNode d = f.get("description");
        if (d == null || !(d.isNull() || d.isTextual()) || (d.isTextual() && d.asText().length() > 65535)) {
            throw BodyFields.invalid("description", d, "'description' is required: a string of at most 65535 characters or null");
        }
        return flavors.describe(id, d.isNull() ? null : d.asText()).flatMap(fl -> withSpecs(fl, caller));
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
    public Uni<Map<String, Object>> access(@PathParam("id") String id) {
        Caller caller = callers.get();
        policy.enforce(FlavorPolicies.ACCESS_LIST, caller, NovaBaseRules.project(caller.projectId()));
        return flavors.access(id).map(p -> Map.of("flavor_access", FlavorView.access(id, p)));
    }

    /** {@code addTenantAccess} and {@code removeTenantAccess}. */
    @POST
    @Path("{id}/action")
    public Uni<Map<String, Object>> action(@PathParam("id") String id, String body) {
        Caller caller = callers.get();
        JsonNode b = json.object(body);
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
                .map(p -> Map.of("flavor_access", FlavorView.access(id, p)));
    }

    private Uni<Map<String, Object>> withSpecs(Flavor f, Caller caller) {
        int minor = version.get().minor();
        Uni<Map<String, String>> specs = minor >= 61 && mayReadSpecs(caller)
                ? flavors.specs(f.id, caller) : Uni.createFrom().nullItem();
        return specs.map(s -> Map.of("flavor", view.detail(f, minor, s)));
    }

    private boolean mayReadSpecs(Caller caller) {
        return policy.allowed(FlavorPolicies.SPECS_INDEX, caller, NovaBaseRules.project(caller.projectId()));
    }

    private Map<String, Object> collection(UriInfo uri, String path, FlavorQuery q, FlavorService.Page page,
                                           List<Map<String, Object>> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("flavors", items);
        List<Map<String, String>> links = view.nextLinks(path, params(uri), q.paging().limit(), page.flavors());
        if (!links.isEmpty()) {
            out.put("flavors_links", links);
        }
        return out;
    }

    static Map<String, String> params(UriInfo uri) {
        Map<String, String> out = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
        return out;
    }
}
