package io.strato.volume.api;

import io.strato.kit.faults.InvalidInput;
import java.util.function.Function;

/** Typed request bodies' wrappers: the one place a missing body or wrapper becomes Cinder's 400. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * The fields under {@code key} of a wrapped {@code body}; a 400 worded as the kit's JsonBody words it when the
     * body or the wrapper is missing (a body that is no JSON, or of the wrong shape, is the kit's 400 for bad JSON).
     */
    public static <B, T> T unwrap(B body, Function<B, T> wrapped, String key) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        T fields = wrapped.apply(body);
        if (fields == null) {
            throw new InvalidInput("Resource body required: the request body must be {\"" + key + "\": {...}}.");
        }
        return fields;
    }
}
