package io.strato.volume.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group type in Cinder's JSON: {@code group_specs} only for those Cinder's group:access_group_types_specs rule
 * lets see them (admins), as its view builder.
 */
public record GroupTypeView(
        String id,
        String name,
        String description,
        @JsonProperty("is_public") boolean isPublic,
        @JsonProperty("group_specs") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> groupSpecs) {

    /** {@code {"group_type": {...}}}. */
    public record One(@JsonProperty("group_type") GroupTypeView groupType) {
    }

    /** {@code {"group_types": [...]}}. */
    public record Many(@JsonProperty("group_types") List<GroupTypeView> groupTypes) {
    }

    /** {@code {"group_specs": {...}}}. */
    public record Specs(@JsonProperty("group_specs") Map<String, String> groupSpecs) {
    }

    static GroupTypeView of(GroupType t, boolean specs) {
        return new GroupTypeView(t.id.toString(), t.name, t.description, t.isPublic,
                specs ? new TreeMap<>(t.groupSpecs == null ? Map.of() : t.groupSpecs) : null);
    }
}
