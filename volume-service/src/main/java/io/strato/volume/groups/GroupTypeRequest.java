package io.strato.volume.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Bodies of group type requests as bound; fields stay {@link JsonNode} so the checks keep Cinder's messages. */
public final class GroupTypeRequest {
    private GroupTypeRequest() {
    }

    /** {@code POST /group_types} and {@code PUT /group_types/{id}}: {@code {"group_type": {...}}}. */
    public record Body(@JsonProperty("group_type") Fields groupType) {
    }

    /** A group type's fields; an update takes name, description and is_public (an absent one is left alone). */
    public record Fields(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("is_public") JsonNode isPublic,
            @JsonProperty("group_specs") JsonNode groupSpecs) {
    }

    /** {@code POST /group_types/{id}/group_specs}: {@code {"group_specs": {"key": "value", ...}}}. */
    public record SpecsBody(@JsonProperty("group_specs") JsonNode groupSpecs) {
    }
}
