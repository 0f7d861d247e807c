package io.strato.kit.policy;

import io.strato.kit.auth.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Callers with the scopes Keystone issues tokens for. */
final class Callers {

    private Callers() {
    }

    static Caller project(String userId, String projectId, String... roles) {
        return new Caller(userId, "name-" + userId, "default", projectId, "proj", "default",
                null, false, Set.of(roles), List.of("audit"), List.of("password"),
                Instant.now(), Instant.now().plusSeconds(3600), null);
    }

    static Caller domain(String userId, String domainId, String... roles) {
        return new Caller(userId, "name-" + userId, "default", null, null, null,
                domainId, false, Set.of(roles), List.of("audit"), List.of("password"),
                Instant.now(), Instant.now().plusSeconds(3600), null);
    }

    static Caller system(String userId, String... roles) {
        return new Caller(userId, "name-" + userId, "default", null, null, null,
                null, true, Set.of(roles), List.of("audit"), List.of("password"),
                Instant.now(), Instant.now().plusSeconds(3600), null);
    }
}
