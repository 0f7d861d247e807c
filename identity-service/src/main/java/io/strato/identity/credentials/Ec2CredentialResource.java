package io.strato.identity.credentials;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Keystone's OS-EC2 API: a user's EC2-style access/secret pairs, addressed by access key. */
@Path("/v3/users/{user_id}/credentials/OS-EC2")
@Authenticated
public class Ec2CredentialResource {
    private final CredentialService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public Ec2CredentialResource(CredentialService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<Ec2CredentialView.Many> list(@PathParam("user_id") String userId) {
        policy.enforce(CredentialPolicies.EC2_LIST, caller.get(), CredentialPolicies.target(userId));
        return service.listEc2(userId).map(list -> new Ec2CredentialView.Many(
                list.stream().map(this::view).toList(), links.collection("users/" + userId + "/credentials/OS-EC2")));
    }

    @GET
    @Path("{access}")
    public Uni<Ec2CredentialView.One> get(@PathParam("user_id") String userId, @PathParam("access") String access) {
        policy.enforce(CredentialPolicies.EC2_GET, caller.get(), CredentialPolicies.target(userId));
        return service.getEc2(userId, access).map(c -> new Ec2CredentialView.One(view(c)));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ec2CredentialView.One.class)))
    public Uni<Ec2CredentialView.One> create(@PathParam("user_id") String userId, Ec2CredentialView.Body body) {
        policy.enforce(CredentialPolicies.EC2_CREATE, caller.get(), CredentialPolicies.target(userId));
        return service.createEc2(userId, Validate.body(body, "tenant_id").tenantId())
                .map(c -> new Ec2CredentialView.One(view(c)));
    }

    @DELETE
    @Path("{access}")
    public Uni<Response> delete(@PathParam("user_id") String userId, @PathParam("access") String access) {
        policy.enforce(CredentialPolicies.EC2_DELETE, caller.get(), CredentialPolicies.target(userId));
        return service.deleteEc2(userId, access).map(v -> Response.noContent().build());
    }

    private Ec2CredentialView view(Credential c) {
        return Ec2CredentialView.of(c, service.ec2Blob(c), links);
    }
}
