package io.strato.identity.domains;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v3/domains")
@Authenticated
public class DomainResource {
    private final DomainService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public DomainResource(DomainService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<DomainView.Many> list(@QueryParam("name") String name, @QueryParam("enabled") String enabled) {
        policy.enforce(DomainPolicies.LIST, caller.get(), Map.of());
        return service.list(name, Validate.queryBoolean(enabled, "enabled")).map(list -> new DomainView.Many(
                list.stream().map(d -> DomainView.of(d, links)).toList(), links.collection("domains")));
    }

    @GET
    @Path("{id}")
    public Uni<DomainView.One> get(@PathParam("id") String id) {
        return service.get(id).map(d -> {
            policy.enforce(DomainPolicies.GET, caller.get(), Map.of("domain", Map.of("id", d.id)));
            return new DomainView.One(DomainView.of(d, links));
        });
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DomainView.One.class)))
    public Uni<DomainView.One> create(DomainView.Body body) {
        policy.enforce(DomainPolicies.CREATE, caller.get(), Map.of());
        return service.create(Validate.body(body == null ? null : body.domain(), "domain"))
                .map(d -> new DomainView.One(DomainView.of(d, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<DomainView.One> update(@PathParam("id") String id, DomainView.Body body) {
        policy.enforce(DomainPolicies.UPDATE, caller.get(), Map.of("domain", Map.of("id", id)));
        return service.update(id, Validate.body(body == null ? null : body.domain(), "domain"))
                .map(d -> new DomainView.One(DomainView.of(d, links)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        policy.enforce(DomainPolicies.DELETE, caller.get(), Map.of("domain", Map.of("id", id)));
        return service.delete(id).map(v -> Response.noContent().build());
    }
}
