package io.strato.identity.api;

import java.util.UUID;

/** Keystone-style ids: a random UUID as 32 hex digits. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
