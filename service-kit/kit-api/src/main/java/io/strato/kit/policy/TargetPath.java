package io.strato.kit.policy;

import java.util.Map;

/**
 * A key substituted from the target. Resolved as a flat key first ({@code "target.user.id"} as one
 * map key, the way Keystone flattens its targets), then as a path through nested maps
 * ({@code target -> user -> id}), then, for keys starting with {@code target.}, as that path
 * without the prefix ({@code user -> id}), so services may pass the target object's fields directly.
 */
final class TargetPath {

    private static final String TARGET_PREFIX = "target.";

    private final String key;
    private final String[] segments;
    private final String[] unprefixed;

    TargetPath(String key) {
        this.key = key;
        this.segments = key.split("\\.", -1);
        this.unprefixed = key.startsWith(TARGET_PREFIX)
                ? key.substring(TARGET_PREFIX.length()).split("\\.", -1) : null;
    }

    /** The value at this path, or null when absent. */
    Object lookup(Map<String, ?> target) {
        Object flat = target.get(key);
        if (flat != null) {
            return flat;
        }
        Object nested = segments.length > 1 ? walk(target, segments) : null;
        if (nested == null && unprefixed != null) {
            nested = walk(target, unprefixed);
        }
        return nested;
    }

    private static Object walk(Map<String, ?> target, String[] path) {
        Object current = target;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    @Override
    public String toString() {
        return key;
    }
}
