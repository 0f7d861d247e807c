package io.strato.identity.tokens;

import io.strato.identity.config.IdentityConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public Map<String, Object> discovery() {
        String base = config.internalUrl().replaceAll("/+$", "") + "/v3/OS-OIDC";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", config.issuer());
        d.put("jwks_uri", base + "/jwks");
        d.put("token_endpoint", config.internalUrl().replaceAll("/+$", "") + "/v3/auth/tokens");
        d.put("response_types_supported", List.of("id_token"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("ES256"));
        return d;
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.jwks();
    }
}
