package io.strato.volume.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A volume type in Cinder's JSON. */
public record VolumeTypeView(
        String id,
        String name,
        String description,
        @JsonProperty("is_public") boolean isPublic,
        @JsonProperty("os-volume-type-access:is_public") boolean accessIsPublic,
        @JsonProperty("extra_specs") Map<String, String> extraSpecs,
        @JsonProperty("qos_specs_id") String qosSpecsId) {

    /** {@code {"volume_type": {...}}}. */
    public record One(@JsonProperty("volume_type") VolumeTypeView volumeType) {
    }

    /** {@code {"volume_types": [...]}}. */
    public record Many(@JsonProperty("volume_types") List<VolumeTypeView> volumeTypes) {
    }

    /** {@code {"extra_specs": {"key": "value", ...}}}: a type's extra specs, or those a POST set. */
    public record ExtraSpecs(@JsonProperty("extra_specs") Map<String, String> extraSpecs) {
    }

    public static VolumeTypeView of(VolumeType t) {
        return new VolumeTypeView(t.id.toString(), t.name, t.description, t.isPublic, t.isPublic, specs(t),
                t.qosSpecsId == null ? null : t.qosSpecsId.toString());
    }

    /** The type's extra specs, sorted by key. */
    static Map<String, String> specs(VolumeType t) {
        return new TreeMap<>(t.extraSpecs == null ? Map.of() : t.extraSpecs);
    }
}
