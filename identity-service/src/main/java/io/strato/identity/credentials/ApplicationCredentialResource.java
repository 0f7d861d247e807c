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

@Path("/v3/users/{user_id}/application_credentials")
@Authenticated
public class ApplicationCredentialResource {
    private final ApplicationCredentialService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public ApplicationCredentialResource(ApplicationCredentialService service, Policy policy, CurrentCaller caller,
                                         Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<ApplicationCredentialView.Many> list(@PathParam("user_id") String userId, @QueryParam("name") String name) {
        policy.enforce(ApplicationCredentialPolicies.LIST, caller.get(), target(userId));
        return service.list(userId, name).map(list -> new ApplicationCredentialView.Many(
                list.stream().map(this::view).toList(),
                links.collection("users/" + userId + "/application_credentials")));
    }

    @GET
    @Path("{id}")
    public Uni<ApplicationCredentialView.One> get(@PathParam("user_id") String userId, @PathParam("id") String id) {
        policy.enforce(ApplicationCredentialPolicies.GET, caller.get(), target(userId));
        return service.get(userId, id).map(c -> new ApplicationCredentialView.One(view(c)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationCredentialView.One.class)))
    public Uni<ApplicationCredentialView.One> create(@PathParam("user_id") String userId, ApplicationCredentialView.Body body) {
        Caller who = caller.get();
        policy.enforce(ApplicationCredentialPolicies.CREATE, who, target(userId));
        return service.create(userId, Validate.body(body == null ? null : body.applicationCredential(),
                        "application_credential"), who)
                .map(c -> new ApplicationCredentialView.One(view(c)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("user_id") String userId, @PathParam("id") String id) {
        Caller who = caller.get();
        policy.enforce(ApplicationCredentialPolicies.DELETE, who, target(userId));
        return service.delete(userId, id, who).map(v -> Response.noContent().build());
    }

    private ApplicationCredentialView view(ApplicationCredentialView.Created c) {
        return ApplicationCredentialView.of(c.credential(), c.roles(), c.secret(), links);
    }

    private static Map<String, Object> target(String userId) {
        return Map.of("user", Map.of("id", userId));
    }
}
