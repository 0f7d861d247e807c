package io.strato.kit.serviceauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A token identity issued: its id ({@code X-Subject-Token}) and when it expires. */
public record IssuedToken(String id, Instant expiresAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Kept this long when identity's answer says no readable {@code expires_at}. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(10);

    /** The token of identity's 201 answer: {@code subjectToken} and the body's {@code token.expires_at}. */
    public static IssuedToken read(String subjectToken, String body) {
        Instant expires = Instant.now().plus(UNKNOWN_LIFETIME);
        try {
            JsonNode at = MAPPER.readTree(body == null ? "" : body).path("token").path("expires_at");
            if (at.isTextual()) {
                expires = OffsetDateTime.parse(at.asText()).toInstant();
            }
        } catch (IOException | DateTimeException e) {
            // no readable expiry: keep the default lifetime
        }
        return new IssuedToken(subjectToken, expires);
    }

    /** Whether it is still good for at least {@code margin}. */
    public boolean validFor(Duration margin) {
        return expiresAt.isAfter(Instant.now().plus(margin));
    }
}
