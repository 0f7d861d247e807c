package io.strato.network.api;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Many resource ids as native queries take them. Ids of paths, bodies and filters are read with the kit's
 * {@link io.strato.kit.web.Ids} (canonical UUIDs only).
 */
public final class Ids {
    private Ids() {
    }

    /**
     * Many ids as one text parameter, for {@code = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))} (the
     * reactive driver takes a parameter cast to uuid[] only as a Java array, which Hibernate does not pass).
     */
    public static String sqlArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
