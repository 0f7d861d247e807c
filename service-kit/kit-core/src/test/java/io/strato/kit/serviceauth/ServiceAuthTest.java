package io.strato.kit.serviceauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceAuthTest {

    private static final ServiceCredentials CREDENTIALS = new ServiceCredentials("http://127.0.0.1:1/v3/", "nova",
            Optional.of("s3cret"), "service", "Default", "Default");

    @Test
    void theRequestIsAPasswordAuthScopedToTheServiceProject() throws Exception {
        JsonNode body = new ObjectMapper().readTree(CREDENTIALS.requestBody()).path("auth");
        assertEquals("password", body.path("identity").path("methods").get(0).asText());
        JsonNode user = body.path("identity").path("password").path("user");
        assertEquals("nova", user.path("name").asText());
        assertEquals("s3cret", user.path("password").asText());
        assertEquals("Default", user.path("domain").path("name").asText());
        assertEquals("service", body.path("scope").path("project").path("name").asText());
        assertEquals("http://127.0.0.1:1/v3/auth/tokens", CREDENTIALS.tokensUrl());
    }

    @Test
    void theExpiryComesFromTheBodyOrDefaultsToTenMinutes() {
        IssuedToken t = IssuedToken.read("tok", "{\"token\": {\"expires_at\": \"2031-01-01T00:00:00.000000Z\"}}");
        assertEquals(Instant.parse("2031-01-01T00:00:00Z"), t.expiresAt());
        IssuedToken unknown = IssuedToken.read("tok", "not json");
        assertTrue(unknown.validFor(Duration.ofMinutes(9)));
        assertFalse(unknown.validFor(Duration.ofMinutes(11)));
    }

    @Test
    void aBlockingTokenIsIssuedOnceThenCachedUntilInvalidated() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        HttpServer identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identity.createContext("/v3/auth/tokens", ex -> {
            byte[] body = ("{\"token\": {\"expires_at\": \"" + Instant.now().plusSeconds(3600) + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("X-Subject-Token", "tok-" + issued.incrementAndGet());
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        identity.start();
        try {
            ServiceCredentials c = new ServiceCredentials("http://127.0.0.1:" + identity.getAddress().getPort() + "/v3",
                    "nova", Optional.of("pw"), "service", "Default", "Default");
            BlockingServiceToken token = new BlockingServiceToken(c, Duration.ofSeconds(120), HttpClient.newHttpClient());
            assertEquals(Optional.of("tok-1"), token.get());
            assertEquals(Optional.of("tok-1"), token.get());
            token.invalidate();
            assertEquals(Optional.of("tok-2"), token.get());
            BlockingServiceToken none = new BlockingServiceToken(new ServiceCredentials(c.url(), "nova", Optional.empty(),
                    "service", "Default", "Default"), Duration.ZERO, HttpClient.newHttpClient());
            assertEquals(Optional.empty(), none.get());
            assertEquals(2, issued.get());
        } finally {
            identity.stop(0);
        }
        BlockingServiceToken unreachable = new BlockingServiceToken(CREDENTIALS, Duration.ZERO, HttpClient.newHttpClient());
        assertThrows(BlockingServiceToken.Unavailable.class, unreachable::get);
    }
}
