package io.strato.volume.api;

import java.util.UUID;

/** Ids as they come in paths, bodies and filters. */
public final class Ids {
    private Ids() {
    }

    /** The UUID {@code id} spells, or null when it is null or not a UUID (the caller answers 404 or 400). */
    public static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
