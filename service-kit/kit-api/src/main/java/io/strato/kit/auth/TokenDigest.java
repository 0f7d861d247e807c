package io.strato.kit.auth;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a raw token, the key under which {@link VerifiedTokens} (and identity-service's subject-token
 * check) keeps what verifying it gave: the cache never holds a token as a key, and a look-up compares 32 bytes,
 * not a secret of a kilobyte.
 */
public record TokenDigest(long a, long b, long c, long d) {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    /** The digest of {@code token}, a compact JWS (ASCII). */
    public static TokenDigest of(String token) {
        // compact JWS is base64url and dots (TokenShape): ASCII, so ISO-8859-1 is its byte form
        ByteBuffer h = ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1)));
        return new TokenDigest(h.getLong(), h.getLong(), h.getLong(), h.getLong());
    }
}
