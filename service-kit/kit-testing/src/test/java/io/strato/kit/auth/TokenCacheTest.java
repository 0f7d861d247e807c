package io.strato.kit.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache behind quarkus-oidc, through HTTP: a token verified once is kept, and still every kind of
 * revocation refuses it within a second of the revocation event reaching the service, and an expired one is refused
 * though it was cached.
 */
@QuarkusTest
@WithTestResource(TestIdentity.class)
class TokenCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VerifiedTokens tokens;

    @Inject
    RevocationListener listener;

    private static int status(String token) {
        return given().header("X-Auth-Token", token).get("/v1/whoami").statusCode();
    }

    /** The event identity publishes on strato.revocations, as it arrives from the broadcast consumer. */
    private static StratoEvent revoked(Map<String, String> selectors) {
        ObjectNode data = JSON.createObjectNode();
        selectors.forEach(data::put);
        Instant now = Instant.now();
        data.put("issued_before", now.toString());
        data.put("expires_at", now.plusSeconds(3600).toString());
        return new StratoEvent(UUID.randomUUID(), RevocationListener.TYPE, "/identity", "s", OffsetDateTime.now(), data);
    }

    private static String uniq(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void cachedThenRevoked(String token, Map<String, String> selectors) throws InterruptedException {
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(200);
        assertNotNull(tokens.find(token), "verified once, then kept");
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(200);

        long reached = System.nanoTime();
        listener.onEvent(revoked(selectors));
        int status = status(token);
        long refusedAfterMs = (System.nanoTime() - reached) / 1_000_000;
        assertTrue(status == 401 && refusedAfterMs < 1000,
                selectors + ": " + status + " " + refusedAfterMs + " ms after the event");
        while (tokens.find(token) != null && (System.nanoTime() - reached) < 1_000_000_000L) {
            Thread.sleep(5);
        }
        assertNull(tokens.find(token), selectors + ": still cached a second after the event");
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(401);
    }

    @Test
    void aTokenIsVerifiedOnceAndServedFromTheCacheAfterwards() {
        String user = uniq("u");
        String token = TestIdentity.token(user, "p1", "member");
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(200).body("user_id", equalTo(user));
        assertNotNull(tokens.find(token));
        long hits = tokens.hitCount();
        for (int i = 0; i < 3; i++) {
            given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(200)
                    .body("user_id", equalTo(user)).body("project_id", equalTo("p1")).body("roles[0]", equalTo("member"));
        }
        assertEquals(hits + 3, tokens.hitCount(), "the three requests were answered from the cache");
    }

    @Test
    void aForgedOrExpiredTokenIsNeverCached() {
        String expired = TestIdentity.expiredToken(uniq("u"), "p1", "member");
        given().header("X-Auth-Token", expired).get("/v1/whoami").then().statusCode(401);
        assertNull(tokens.find(expired));
        String good = TestIdentity.token(uniq("u"), "p1", "member");
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        given().header("X-Auth-Token", forged).get("/v1/whoami").then().statusCode(401);
        assertNull(tokens.find(forged));
    }

    @Test
    void aTokenRevocationBitesWithinASecond() throws InterruptedException {
        String token = TestIdentity.token(uniq("u"), "p1", "member");
        String audit = JSON.convertValue(claims(token).get(TokenClaims.AUDIT_IDS).get(0), String.class);
        cachedThenRevoked(token, Map.of("audit_id", audit));
    }

    @Test
    void aUserRevocationBitesWithinASecond() throws InterruptedException {
        String user = uniq("u");
        cachedThenRevoked(TestIdentity.token(user, "p1", "member"), Map.of("user_id", user));
    }

    @Test
    void aUserOnProjectRevocationBitesWithinASecond() throws InterruptedException {
        String user = uniq("u");
        String project = uniq("p");
        String other = TestIdentity.token(user, uniq("p"), "member");
        given().header("X-Auth-Token", other).get("/v1/whoami").then().statusCode(200);
        cachedThenRevoked(TestIdentity.token(user, project, "member"), Map.of("user_id", user, "project_id", project));
        given().header("X-Auth-Token", other).get("/v1/whoami").then().statusCode(200);
    }

    @Test
    void aProjectRevocationBitesWithinASecond() throws InterruptedException {
        String project = uniq("p");
        cachedThenRevoked(TestIdentity.token(uniq("u"), project, "member"), Map.of("project_id", project));
    }

    @Test
    void aDomainRevocationBitesWithinASecond() throws InterruptedException {
        // every TestIdentity token is in this domain: the revocation also covers the tokens other tests have
        // issued so far, which is harmless as each test mints its own tokens when it starts
        cachedThenRevoked(TestIdentity.token(uniq("u"), uniq("p"), "member"),
                Map.of("domain_id", TestIdentity.DEFAULT_DOMAIN));
    }

    @Test
    void anApplicationCredentialRevocationBitesWithinASecond() throws InterruptedException {
        String credential = uniq("ac");
        cachedThenRevoked(TestIdentity.token(Duration.ofHours(1), Map.of(TokenClaims.APPLICATION_CREDENTIAL_ID, credential),
                uniq("u"), "p1", "member"), Map.of("application_credential_id", credential));
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasCached() throws InterruptedException {
        String token = TestIdentity.token(Duration.ofSeconds(3), Map.of(), uniq("u"), "p1", "member");
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(200);
        assertNotNull(tokens.find(token));
        Instant exp = Instant.ofEpochSecond(claims(token).get("exp").asLong());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), exp).toMillis()) + 100);
        given().header("X-Auth-Token", token).get("/v1/whoami").then().statusCode(401);
        assertNull(tokens.find(token));
    }

    private static com.fasterxml.jackson.databind.JsonNode claims(String token) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
