package io.strato.identity.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/** Generated application credential secrets: 48 random bytes, 64 URL-safe characters (under bcrypt's 72). */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String generate() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
