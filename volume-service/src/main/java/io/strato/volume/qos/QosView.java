package io.strato.volume.qos;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.api.Link;
import io.strato.volume.types.VolumeType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** QoS specs in Cinder's JSON. */
public record QosView(String id, String name, String consumer, Map<String, String> specs) {

    /** {@code {"qos_specs": {...}, "links": []}}. */
    public record One(@JsonProperty("qos_specs") QosView qosSpecs, List<Link> links) {
    }

    /** {@code {"qos_specs": [...]}}. */
    public record Many(@JsonProperty("qos_specs") List<QosView> qosSpecs) {
    }

    /** {@code {"qos_specs": {<key>: <value>...}}}: the keys a PUT set. */
    public record SetKeys(@JsonProperty("qos_specs") Map<String, String> qosSpecs) {
    }

    /** One volume type the QoS specs are associated with. */
    public record Association(@JsonProperty("association_type") String associationType, String name, String id) {
        static Association of(VolumeType t) {
            return new Association("volume_type", t.name, t.id.toString());
        }
    }

    /** {@code {"qos_associations": [...]}}. */
    public record Associations(@JsonProperty("qos_associations") List<Association> qosAssociations) {
    }

    public static QosView of(QosSpecs q) {
        return new QosView(q.id.toString(), q.name, q.consumer, new TreeMap<>(q.specs));
    }

    static One one(QosSpecs q) {
        return new One(of(q), List.of());
    }
}
