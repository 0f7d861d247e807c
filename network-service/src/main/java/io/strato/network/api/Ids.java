package io.strato.network.api;

import io.strato.network.api.Neutron;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** Resource ids as they arrive in paths and as native queries take many of them. */
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

    /**
     * The id in a path; anything that is not a UUID names nothing, so it is the resource's 404 (the
     * client's {@code show NAME} first tries the name as an id, then lists by name).
     */
    public static UUID path(String kind, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Neutron.notFound(kind, id);
        }
    }
}
