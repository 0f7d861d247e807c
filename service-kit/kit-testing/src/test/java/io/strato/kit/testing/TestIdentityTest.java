package io.strato.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.auth.TokenClaims;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestIdentityTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TestIdentity identity;
    private String authServerUrl;

    @BeforeEach
    void start() {
        identity = new TestIdentity();
        Map<String, String> config = identity.start();
        authServerUrl = config.get("quarkus.oidc.auth-server-url");
    }

    @AfterEach
    void stop() {
        identity.stop();
    }

    @Test
    void pointsQuarkusOidcAtALoopbackDiscoveryDocument() throws Exception {
        assertEquals("http://127.0.0.1:" + identity.port() + "/v3/OS-OIDC", authServerUrl);
        HttpResponse<String> r = get(authServerUrl + "/.well-known/openid-configuration");
        assertEquals(200, r.statusCode());
        Map<?, ?> doc = new ObjectMapper().readValue(r.body(), Map.class);
        assertEquals("strato-identity", doc.get("issuer"));
        assertEquals(authServerUrl + "/jwks", doc.get("jwks_uri"));
        assertEquals(404, get(authServerUrl + "/nothing-here").statusCode());
    }

    @Test
    void projectTokenVerifiesAgainstTheServedJwksAndCarriesStratoClaims() throws Exception {
        String token = TestIdentity.token("u1", "p1", "member", "reader");
        JwtClaims c = consumer().processToClaims(token);
        assertEquals("strato-identity", c.getIssuer());
        assertEquals("u1", c.getSubject());
        assertEquals("p1", c.getStringClaimValue(TokenClaims.PROJECT_ID));
        assertEquals("default", c.getStringClaimValue(TokenClaims.PROJECT_DOMAIN_ID));
        assertEquals("default", c.getStringClaimValue(TokenClaims.USER_DOMAIN_ID));
        assertEquals(List.of("member", "reader"), c.getStringListClaimValue(TokenClaims.ROLES));
        assertEquals(List.of(TestIdentity.roleId("member"), TestIdentity.roleId("reader")),
                c.getStringListClaimValue(TokenClaims.ROLE_IDS));
        assertNotEquals(TestIdentity.roleId("member"), TestIdentity.roleId("reader"));
        assertNull(c.getClaimValue(TokenClaims.SYSTEM));
        long iatMs = ((Number) c.getClaimValue(TokenClaims.ISSUED_AT_MILLIS)).longValue();
        assertTrue(Math.abs(System.currentTimeMillis() - iatMs) < 60_000);
        long lifetime = c.getExpirationTime().getValueInMillis() - iatMs;
        assertTrue(lifetime > 3500_000 && lifetime <= 3600_000, "about an hour: " + lifetime);
        String audit = c.getStringListClaimValue(TokenClaims.AUDIT_IDS).get(0);
        String other = consumer().processToClaims(TestIdentity.token("u1", "p1"))
                .getStringListClaimValue(TokenClaims.AUDIT_IDS).get(0);
        assertNotEquals(audit, other);
    }

    @Test
    void systemTokenHasNoProject() throws Exception {
        JwtClaims c = consumer().processToClaims(TestIdentity.systemToken("admin1", "admin"));
        assertEquals(Boolean.TRUE, c.getClaimValue(TokenClaims.SYSTEM));
        assertFalse(c.hasClaim(TokenClaims.PROJECT_ID));
        assertEquals(List.of("admin"), c.getStringListClaimValue(TokenClaims.ROLES));
    }

    @Test
    void expiredTokenIsSignedButRejected() throws Exception {
        String expired = TestIdentity.expiredToken("u1", "p1", "member");
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(expired));
    }

    @Test
    void aTamperedTokenFailsVerification() throws Exception {
        String token = TestIdentity.token("u1", "p1", "member");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + TestIdentity.token("u1", "p2", "admin").split("\\.")[1] + "." + parts[2];
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(forged));
    }

    @Test
    void restartingKeepsTheKeySoEarlierTokensStillVerify() throws Exception {
        String token = TestIdentity.token("u1", "p1", "member");
        identity.stop();
        identity.start();
        authServerUrl = "http://127.0.0.1:" + identity.port() + "/v3/OS-OIDC";
        assertEquals("u1", consumer().processToClaims(token).getSubject());
    }

    @Test
    void stopClosesTheServer() {
        String url = authServerUrl + "/jwks";
        identity.stop();
        assertThrows(IOException.class, () -> get(url));
    }

    private JwtConsumer consumer() throws IOException, InterruptedException, JoseException {
        HttpResponse<String> r = get(authServerUrl + "/jwks");
        assertEquals(200, r.statusCode());
        JsonWebKeySet jwks = new JsonWebKeySet(r.body());
        assertEquals(1, jwks.getJsonWebKeys().size());
        assertFalse(r.body().contains("\"d\""), "the JWKS must not publish the private key");
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer("strato-identity")
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .build();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
