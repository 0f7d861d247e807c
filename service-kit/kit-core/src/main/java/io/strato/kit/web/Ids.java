package io.strato.kit.web;

import io.strato.kit.faults.InvalidInput;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Resource ids as they come in paths, bodies and filters. Only the canonical form counts as a UUID
 * ({@code 8-4-4-4-12} hex digits): Java's {@code UUID.fromString} also takes {@code 1-1-1-1-1}, which names
 * nothing a Strato service ever made.
 */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** The UUID {@code id} spells, or empty when it is null or not a canonical UUID. */
    public static Optional<UUID> parse(String id) {
        return id != null && CANONICAL.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }

    /** The UUID {@code id} spells, or null (the caller answers 404 or 400). */
    public static UUID orNull(String id) {
        return parse(id).orElse(null);
    }

    /**
     * The id of a path: anything that is not a UUID names no resource, so it is the resource's own 404
     * ({@code notFound}), as the real clients expect when they try a name as an id first.
     */
    public static UUID orNotFound(String id, Supplier<? extends RuntimeException> notFound) {
        return parse(id).orElseThrow(notFound);
    }

    /** An id in a body or a filter: anything that is not a UUID is a 400 naming {@code field}. */
    public static UUID require(String id, String field) {
        return parse(id).orElseThrow(() -> new InvalidInput("Invalid " + field + " '" + id + "': it must be a UUID."));
    }
}
