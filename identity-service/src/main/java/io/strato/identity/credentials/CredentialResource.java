package io.strato.identity.credentials;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.Caller;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** {@code /v3/credentials}: a list shows only the credentials the caller may read (their own, or all for admins). */
@Path("/v3/credentials")
@Authenticated
public class CredentialResource {
    private final CredentialService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public CredentialResource(CredentialService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<CredentialView.Many> list(@QueryParam("user_id") String userId, @QueryParam("type") String type) {
        Caller c = caller.get();
        return service.list(userId, type).map(list -> new CredentialView.Many(list.stream()
                .filter(cred -> policy.allowed(CredentialPolicies.LIST, c, CredentialPolicies.target(cred.userId)))
                .map(cred -> CredentialView.of(cred, links)).toList(), links.collection("credentials")));
    }

    @GET
    @Path("{id}")
    public Uni<CredentialView.One> get(@PathParam("id") String id) {
        return service.get(id).map(cred -> {
            policy.enforce(CredentialPolicies.GET, caller.get(), CredentialPolicies.target(cred.userId));
            return one(cred);
        });
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CredentialView.One.class)))
    public Uni<CredentialView.One> create(CredentialView.Body body) {
        CredentialView.Fields f = Validate.body(body == null ? null : body.credential(), "credential");
        policy.enforce(CredentialPolicies.CREATE, caller.get(), CredentialPolicies.target(f.userId()));
        return service.create(f).map(this::one);
    }

    @PATCH
    @Path("{id}")
    public Uni<CredentialView.One> update(@PathParam("id") String id, CredentialView.Body body) {
        CredentialView.Fields f = Validate.body(body == null ? null : body.credential(), "credential");
        Caller c = caller.get();
        return service.get(id).flatMap(cred -> {
            policy.enforce(CredentialPolicies.UPDATE, c, CredentialPolicies.target(cred.userId));
            if (f.userId() != null) {
                // handing a credential to someone else is a write on theirs too
                policy.enforce(CredentialPolicies.UPDATE, c, CredentialPolicies.target(f.userId()));
            }
            return service.update(id, f);
        }).map(this::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller c = caller.get();
        return service.get(id).flatMap(cred -> {
            policy.enforce(CredentialPolicies.DELETE, c, CredentialPolicies.target(cred.userId));
            return service.delete(id);
        }).map(v -> Response.noContent().build());
    }

    private CredentialView.One one(Credential cred) {
        return new CredentialView.One(CredentialView.of(cred, links));
    }
}
