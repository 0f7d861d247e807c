package io.strato.identity.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.catalog.CatalogBuilder;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /v3/auth/tokens}: issue (POST), validate (GET, HEAD) and revoke (DELETE). */
@Path("/v3/auth/tokens")
public class AuthResource {
    static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final TokenService tokens;
    private final CatalogBuilder catalog;
    private final Policy policy;
    private final CurrentCaller caller;

    public AuthResource(TokenService tokens, CatalogBuilder catalog, Policy policy, CurrentCaller caller) {
        this.tokens = tokens;
        this.catalog = catalog;
        this.policy = policy;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @APIResponse(responseCode = "201", description = "The token's body; its id is in X-Subject-Token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenView.Body.class)))
    public Uni<RestResponse<TokenView.Body>> issue(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBody.class))) JsonNode body,
            @QueryParam("nocatalog") String nocatalog) {
        if (body == null) {
            throw new InvalidInput("The request body must be a JSON object with 'auth'.");
        }
        AuthRequest request = AuthRequest.parse(body);
        return tokens.issue(request).flatMap(signed -> body(signed.token(), nocatalog)
                .map(b -> RestResponse.ResponseBuilder.<TokenView.Body>create(201).entity(b)
                        .header(SUBJECT_TOKEN, signed.id()).build()));
    }

    @GET
    @Authenticated
    public Uni<RestResponse<TokenView.Body>> validate(@HeaderParam(SUBJECT_TOKEN) String subject,
                                                     @QueryParam("nocatalog") String nocatalog) {
        IssuedToken t = checked(subject, TokenPolicies.VALIDATE);
        return body(t, nocatalog).map(b -> RestResponse.ResponseBuilder.ok(b).header(SUBJECT_TOKEN, subject).build());
    }

    @HEAD
    @Authenticated
    public Response check(@HeaderParam(SUBJECT_TOKEN) String subject) {
        checked(subject, TokenPolicies.CHECK);
        return Response.ok().header(SUBJECT_TOKEN, subject).build();
    }

    @DELETE
    @Authenticated
    public Uni<Response> revoke(@HeaderParam(SUBJECT_TOKEN) String subject) {
        IssuedToken t = checked(subject, TokenPolicies.REVOKE);
        return tokens.revoke(t).map(v -> Response.noContent().build());
    }

    private IssuedToken checked(String subject, String operation) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidInput("The X-Subject-Token header is required.");
        }
        IssuedToken t = tokens.validate(subject);
        policy.enforce(operation, caller.get(), Map.of("token", Map.of("user_id", t.user().id())));
        return t;
    }

    private Uni<TokenView.Body> body(IssuedToken t, String nocatalog) {
        if (nocatalog != null || t.unscoped()) {
            return Uni.createFrom().item(TokenView.of(t, null));
        }
        return catalog.build(t.project() == null ? null : t.project().id(), t.user().id()).map(c -> TokenView.of(t, c));
    }
}
