package io.strato.network.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The attributes every Neutron resource carries (standard-attr-*, project-id, tags). */
public final class StandardAttributes {
    private StandardAttributes() {
    }

    public static void put(Map<String, Object> view, String projectId, String description, List<String> tags,
                           Instant createdAt, Instant updatedAt, int revisionNumber) {
        view.put("project_id", projectId);
        view.put("tenant_id", projectId);
        view.put("description", description == null ? "" : description);
        view.put("tags", tags == null ? List.of() : tags);
        view.put("created_at", timestamp(createdAt));
        view.put("updated_at", timestamp(updatedAt));
        view.put("revision_number", revisionNumber);
    }

    /** Neutron's timestamps: seconds, UTC, {@code 2026-11-27T12:00:00Z}. */
    public static String timestamp(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Now, as stored (microseconds, as PostgreSQL keeps it). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
