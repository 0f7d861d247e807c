package io.strato.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The attributes every Neutron resource carries (standard-attr-*, project-id, tags), unwrapped into
 * each view ({@code @JsonUnwrapped}). {@code tags} is left out of resources that are not taggable.
 */
public record StandardAttributes(
        @JsonProperty("project_id") String projectId,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("description") String description,
        @JsonProperty("tags") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("revision_number") int revisionNumber) {

    /** A taggable resource's attributes (no tags shows as {@code []}). */
    public static StandardAttributes of(String projectId, String description, List<String> tags,
                                        Instant createdAt, Instant updatedAt, int revisionNumber) {
        return new StandardAttributes(projectId, projectId, description == null ? "" : description,
                tags == null ? List.of() : tags, timestamp(createdAt), timestamp(updatedAt), revisionNumber);
    }

    /** The attributes of a resource that takes no tags (standard-attr-tag leaves it out, e.g. security group rules). */
    public static StandardAttributes untagged(String projectId, String description,
                                              Instant createdAt, Instant updatedAt, int revisionNumber) {
        return new StandardAttributes(projectId, projectId, description == null ? "" : description,
                null, timestamp(createdAt), timestamp(updatedAt), revisionNumber);
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
