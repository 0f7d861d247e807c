package io.strato.volume.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A volume type in Cinder's JSON, with the keys each call carries there: create and update answer Cinder's plain
 * type view ({@code id}, {@code name}, {@code is_public}, {@code extra_specs}, {@code description}), create adds the
 * type access extension's {@code os-volume-type-access:is_public}; show and list answer the v3 view, in which
 * {@code extra_specs} are all of them for an admin and only the user-visible ones for others, {@code qos_specs_id}
 * is an admin's, and {@code os-volume-type-access:is_public} is for members and admins. A key typed {@code Optional}
 * is left out when null and written as JSON null when empty.
 */
public record VolumeTypeView(
        String id,
        String name,
        String description,
        @JsonProperty("is_public") boolean isPublic,
        @JsonProperty("os-volume-type-access:is_public") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean accessIsPublic,
        @JsonProperty("extra_specs") Map<String, String> extraSpecs,
        @JsonProperty("qos_specs_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> qosSpecsId) {

    /** The extra specs Cinder shows to callers who are not admins (its USER_VISIBLE_EXTRA_SPECS). */
    static final Set<String> USER_VISIBLE_SPECS = Set.of("RESKEY:availability_zones", "multiattach", "replication_enabled");

    /**
     * Which keys an answer carries.
     *
     * @param access   {@code os-volume-type-access:is_public}
     * @param allSpecs every extra spec (else only {@link #USER_VISIBLE_SPECS})
     * @param qos      {@code qos_specs_id}
     */
    public record Keys(boolean access, boolean allSpecs, boolean qos) {
        /** A create's answer (admins only). */
        public static final Keys CREATED = new Keys(true, true, false);
        /** An update's answer (admins only): no extension runs on it. */
        public static final Keys UPDATED = new Keys(false, true, false);

        /** Show and list, for an admin or not, and for a caller that may see the access key (a member). */
        public static Keys shown(boolean admin, boolean member) {
            return new Keys(admin || member, admin, admin);
        }
    }

    /** {@code {"volume_type": {...}}}. */
    public record One(@JsonProperty("volume_type") VolumeTypeView volumeType) {
    }

    /** {@code {"volume_types": [...]}}. */
    public record Many(@JsonProperty("volume_types") List<VolumeTypeView> volumeTypes) {
    }

    /** {@code {"extra_specs": {"key": "value", ...}}}: a type's extra specs, or those a POST set. */
    public record ExtraSpecs(@JsonProperty("extra_specs") Map<String, String> extraSpecs) {
    }

    /** {@code {"volume_type_access": [{"volume_type_id": ..., "project_id": ...}]}}. */
    public record AccessList(@JsonProperty("volume_type_access") List<Access> volumeTypeAccess) {
        static AccessList of(List<VolumeTypeAccess> rows) {
            return new AccessList(rows.stream().map(a -> new Access(a.volumeTypeId.toString(), a.projectId)).toList());
        }
    }

    /** One project's access to a private type. */
    public record Access(@JsonProperty("volume_type_id") String volumeTypeId, @JsonProperty("project_id") String projectId) {
    }

    public static VolumeTypeView of(VolumeType t, Keys keys) {
        return new VolumeTypeView(t.id.toString(), t.name, t.description, t.isPublic,
                keys.access() ? t.isPublic : null,
                specs(t, keys.allSpecs()),
                keys.qos() ? Optional.ofNullable(t.qosSpecsId == null ? null : t.qosSpecsId.toString()) : null);
    }

    /** The type's extra specs, sorted by key: all of them, or those Cinder shows to users. */
    static Map<String, String> specs(VolumeType t, boolean all) {
        Map<String, String> specs = new TreeMap<>(t.extraSpecs == null ? Map.of() : t.extraSpecs);
        if (!all) {
            specs.keySet().retainAll(USER_VISIBLE_SPECS);
        }
        return specs;
    }
}
