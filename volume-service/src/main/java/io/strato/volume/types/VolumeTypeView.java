package io.strato.volume.types;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A volume type in Cinder's JSON. */
public final class VolumeTypeView {
    private VolumeTypeView() {
    }

    public static Map<String, Object> of(VolumeType t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.id.toString());
        v.put("name", t.name);
        v.put("description", t.description);
        v.put("is_public", t.isPublic);
        v.put("os-volume-type-access:is_public", t.isPublic);
        v.put("extra_specs", new TreeMap<>(t.extraSpecs == null ? Map.of() : t.extraSpecs));
        v.put("qos_specs_id", t.qosSpecsId == null ? null : t.qosSpecsId.toString());
        return v;
    }
}
