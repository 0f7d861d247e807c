package io.strato.compute.clients;

import io.strato.kit.faults.Unavailable;
import java.util.function.Function;

/**
 * Another service's refusal in one of Nova's proxy APIs, as Nova words it: {@code nova} maps the statuses it knows
 * (null for the others); an unreachable service, a 5xx and any status it does not map are a 503.
 */
public final class Refusals {
    private Refusals() {
    }

    public static Function<RemoteFailure, RuntimeException> nova(Function<RemoteFailure, RuntimeException> nova) {
        return f -> {
            RuntimeException mapped = f.status() == 0 || f.status() >= 500 ? null : nova.apply(f);
            return mapped != null ? mapped : new Unavailable(f.service() + " could not be reached or failed: " + f.getMessage());
        };
    }
}
