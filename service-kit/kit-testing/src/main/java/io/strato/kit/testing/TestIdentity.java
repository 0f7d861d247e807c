package io.strato.kit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.strato.kit.auth.TokenClaims;
import io.strato.kit.auth.TokenSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Stands in for identity-service in a service's {@code @QuarkusTest}:
 * {@code @WithTestResource(TestIdentity.class)} serves identity's OpenID discovery document and JWKS on a
 * free loopback port and points {@code quarkus.oidc.auth-server-url} at it; tests then mint tokens with
 * the same claims identity puts in a real one ({@link #token}, {@link #systemToken}, {@link #expiredToken}).
 *
 * <p>The signing key lives in a JVM system property rather than a static field, because Quarkus may load
 * this class once for the test resource and again for the test: both copies must sign with the key the
 * JWKS publishes. It is generated once per JVM and kept across restarts of the resource.
 */
public class TestIdentity implements QuarkusTestResourceLifecycleManager {

    /** The issuer identity-service writes into every token and its discovery document. */
    public static final String ISSUER = "strato-identity";
    /** The id of the domain test users and projects belong to. */
    public static final String DEFAULT_DOMAIN = "default";

    private static final String KEY_PROPERTY = "strato.test-identity.signing-jwk";
    private static final String OIDC_PATH = "/v3/OS-OIDC";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        EllipticCurveJsonWebKey key = signingKey();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("TestIdentity cannot listen on a loopback port", e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + OIDC_PATH;
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/jwks","token_endpoint":"%s/v3/auth/tokens",\
                "response_types_supported":["id_token"],"subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["ES256"]}"""
                .formatted(ISSUER, base, base.substring(0, base.length() - OIDC_PATH.length()));
        String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        Map<String, String> documents = Map.of(
                OIDC_PATH + "/.well-known/openid-configuration", discovery,
                OIDC_PATH + "/jwks", jwks);
        server.createContext("/", ex -> reply(ex, documents.get(ex.getRequestURI().getPath())));
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The port the discovery document is served on while started, or -1. */
    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    /** A project-scoped token for {@code userId} on {@code projectId} with the given role names. */
    public static String token(String userId, String projectId, String... roleNames) {
        Instant now = Instant.now();
        return sign(claims(userId, projectId, false, roleNames, now, now.plus(LIFETIME)));
    }

    /** A system-scoped token ({@code system: all}) for {@code userId}. */
    public static String systemToken(String userId, String... roleNames) {
        Instant now = Instant.now();
        return sign(claims(userId, null, true, roleNames, now, now.plus(LIFETIME)));
    }

    /** A project-scoped token that expired a minute ago, otherwise like {@link #token}. */
    public static String expiredToken(String userId, String projectId, String... roleNames) {
        Instant issued = Instant.now().minus(LIFETIME).minusSeconds(60);
        return sign(claims(userId, projectId, false, roleNames, issued, issued.plus(LIFETIME)));
    }

    /**
     * A project-scoped token like {@link #token} that expires {@code lifetime} after now and carries
     * {@code extraClaims} besides (e.g. {@code TokenClaims.APPLICATION_CREDENTIAL_ID}).
     */
    public static String token(Duration lifetime, Map<String, Object> extraClaims, String userId, String projectId,
                               String... roleNames) {
        Instant now = Instant.now();
        JwtClaims c = claims(userId, projectId, false, roleNames, now, now.plus(lifetime));
        extraClaims.forEach(c::setClaim);
        return sign(c);
    }

    /** The id a role name maps to in every token this class mints (stable, Keystone-like 32 hex). */
    public static String roleId(String roleName) {
        return UUID.nameUUIDFromBytes(("role:" + roleName).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private static JwtClaims claims(String userId, String projectId, boolean system, String[] roleNames,
                                    Instant issued, Instant expires) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a token needs a user id");
        }
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setSubject(userId);
        c.setIssuedAt(NumericDate.fromMilliseconds(issued.toEpochMilli()));
        c.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        c.setClaim(TokenClaims.ISSUED_AT_MILLIS, issued.toEpochMilli());
        c.setClaim(TokenClaims.USER_NAME, userId);
        c.setClaim(TokenClaims.USER_DOMAIN_ID, DEFAULT_DOMAIN);
        c.setClaim(TokenClaims.USER_DOMAIN_NAME, "Default");
        if (projectId != null) {
            c.setClaim(TokenClaims.PROJECT_ID, projectId);
            c.setClaim(TokenClaims.PROJECT_NAME, projectId);
            c.setClaim(TokenClaims.PROJECT_DOMAIN_ID, DEFAULT_DOMAIN);
            c.setClaim(TokenClaims.PROJECT_DOMAIN_NAME, "Default");
        }
        if (system) {
            c.setClaim(TokenClaims.SYSTEM, true);
        }
        List<String> names = List.of(roleNames == null ? new String[0] : roleNames);
        List<String> ids = new ArrayList<>();
        names.forEach(n -> ids.add(roleId(n)));
        c.setStringListClaim(TokenClaims.ROLES, names);
        c.setStringListClaim(TokenClaims.ROLE_IDS, ids);
        c.setStringListClaim(TokenClaims.METHODS, List.of("password"));
        c.setStringListClaim(TokenClaims.AUDIT_IDS, List.of(auditId()));
        return c;
    }

    private static String sign(JwtClaims claims) {
        return TokenSigner.es256(claims, signingKey());
    }

    private static String auditId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The JVM-wide signing key, generated on first use. */
    private static EllipticCurveJsonWebKey signingKey() {
        synchronized (System.getProperties()) {
            try {
                String json = System.getProperty(KEY_PROPERTY);
                if (json != null) {
                    return (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(json);
                }
                EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                key.setKeyId("test-" + UUID.randomUUID());
                key.setUse("sig");
                key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
                System.setProperty(KEY_PROPERTY, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                return key;
            } catch (JoseException e) {
                throw new IllegalStateException("TestIdentity cannot make an EC P-256 key", e);
            }
        }
    }

    private static void reply(HttpExchange ex, String json) throws IOException {
        try (ex) {
            if (json == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
