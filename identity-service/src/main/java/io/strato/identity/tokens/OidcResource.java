package io.strato.identity.tokens;

import io.strato.identity.config.IdentityConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenID discovery document and JWKS every service's quarkus-oidc reads to validate tokens
 * locally (auth-server-url = http://identity/v3/OS-OIDC).
 */
@Path("/v3/OS-OIDC")
@PermitAll
public class OidcResource {
    private final SigningKeys keys;
    private final IdentityConfig config;

    public OidcResource(SigningKeys keys, IdentityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path(".well-known/openid-configuration")
    public Discovery discovery() {
        String base = config.internalUrl().replaceAll("/+$", "") + "/v3/OS-OIDC";
        return new Discovery(config.issuer(), base + "/jwks", config.internalUrl().replaceAll("/+$", "") + "/v3/auth/tokens",
                List.of("id_token"), List.of("public"), List.of("ES256"));
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.jwks();
    }

    /** The part of OpenID Connect discovery that quarkus-oidc reads. */
    @Schema(name = "OidcDiscovery")
    public record Discovery(String issuer, String jwksUri, String tokenEndpoint, List<String> responseTypesSupported,
                            List<String> subjectTypesSupported, List<String> idTokenSigningAlgValuesSupported) {
    }
}
