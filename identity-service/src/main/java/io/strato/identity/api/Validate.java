package io.strato.identity.api;

import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;

/** Field checks shared by the identity request bodies, with Keystone-like messages. */
public final class Validate {
    private Validate() {
    }

    /** The wrapper object ({"project": {...}}) must be present. */
    public static <T> T body(T wrapped, String wrapper) {
        if (wrapped == null) {
            throw new InvalidInput("Invalid input for field '" + wrapper + "': the request body must contain '" + wrapper + "'.");
        }
        return wrapped;
    }

    /** A required name: present, not blank, at most 255 characters. */
    public static String name(String value, String field) {
        return name(value, field, 255);
    }

    /**
     * A required name of at most {@code max} characters: Keystone's schemas allow 64 for domain, project and
     * group names (their columns' width) and 255 for the others.
     */
    public static String name(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("Invalid input for field '" + field + "': it is required and must not be empty.");
        }
        return length(value.strip(), field, max);
    }

    public static String length(String value, String field) {
        return length(value, field, 255);
    }

    public static String length(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInput("Invalid input for field '" + field + "': it is longer than " + max
                    + " characters.");
        }
        return value;
    }

    /** An optional boolean query filter, read as oslo's bool_from_string reads it (true/false, 1/0, yes/no...). */
    public static Boolean queryBoolean(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Booleans.parse(value).orElseThrow(
                () -> new InvalidInput("Invalid value for filter '" + field + "': '" + value + "'."));
    }
}
