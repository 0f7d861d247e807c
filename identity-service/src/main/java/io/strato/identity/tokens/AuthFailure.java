package io.strato.identity.tokens;

import io.strato.kit.faults.Unauthorized;

/** The one answer to any failed authentication: it never tells which part was wrong. */
final class AuthFailure {
    static final String MESSAGE = "The request you have made requires authentication.";

    private AuthFailure() {
    }

    static Unauthorized failed() {
        return new Unauthorized(MESSAGE);
    }
}
