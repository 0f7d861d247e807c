package io.strato.volume.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;

/**
 * Bodies of volume type requests as bound (typed, so /q/openapi describes them). Fields stay {@link JsonNode} so the
 * checks keep Cinder's messages: a JSON null arrives as a NullNode, an absent field as null.
 */
public final class VolumeTypeRequest {
    private VolumeTypeRequest() {
    }

    /** {@code POST /types}: {@code {"volume_type": {...}}}. */
    public record CreateBody(@JsonProperty("volume_type") CreateFields volumeType) {
    }

    /** The fields of a volume type create. */
    public record CreateFields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("os-volume-type-access:is_public") JsonNode accessIsPublic,
            @JsonProperty("is_public") JsonNode isPublic,
            @JsonProperty("extra_specs") JsonNode extraSpecs) {
    }

    /** {@code PUT /types/{id}}: {@code {"volume_type": {...}}}. */
    public record UpdateBody(@JsonProperty("volume_type") UpdateFields volumeType) {
    }

    /** What a volume type update may change; an absent field is left alone. */
    public record UpdateFields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("is_public") JsonNode isPublic) {
    }

    /** {@code POST /types/{id}/extra_specs}: {@code {"extra_specs": {"key": "value", ...}}}. */
    public record ExtraSpecsBody(@JsonProperty("extra_specs") JsonNode extraSpecs) {
    }

    /** {@code POST /types/{id}/action}: {@code {"addProjectAccess": {"project": ...}}} or {@code removeProjectAccess}. */
    public record ActionBody(@JsonProperty("addProjectAccess") ProjectAccess addProjectAccess,
                             @JsonProperty("removeProjectAccess") ProjectAccess removeProjectAccess) {
    }

    /** The project of a type access action. */
    public record ProjectAccess(@JsonProperty("project") JsonNode project) {
        /** The project id: a string of 1 to 255 characters (Cinder's schema), else a 400. */
        public String project(String action) {
            if (project == null || !project.isTextual() || project.asText().isEmpty() || project.asText().length() > 255) {
                throw new InvalidInput("Invalid input for field/attribute " + action + ": project must be a string of 1 to 255 characters.");
            }
            return project.asText();
        }
    }
}
