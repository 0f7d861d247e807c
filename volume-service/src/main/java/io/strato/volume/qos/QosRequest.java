package io.strato.volume.qos;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies of QoS specs requests as bound (typed, so /q/openapi describes them). Fields stay {@link JsonNode} so the
 * checks keep Cinder's messages: a JSON null arrives as a NullNode, an absent field as null.
 */
public final class QosRequest {
    private QosRequest() {
    }

    /** {@code POST /qos-specs}: {@code {"qos_specs": {...}}}. */
    public record CreateBody(@JsonProperty("qos_specs") CreateFields qosSpecs) {
    }

    /**
     * A QoS specs create: {@code {"name": ..., "consumer": ..., <key>: <value>...}}; every other key is a spec
     * (a class, not a record, so that Jackson's any-setter collects them).
     */
    public static final class CreateFields {
        @JsonProperty("name")
        public JsonNode name;
        @JsonProperty("consumer")
        public JsonNode consumer;
        private final Map<String, JsonNode> specs = new LinkedHashMap<>();

        @JsonAnySetter
        public void spec(String key, JsonNode value) {
            specs.put(key, value);
        }

        /** The keys other than name and consumer, in the body's order. */
        public Map<String, JsonNode> specs() {
            return specs;
        }
    }

    /** {@code PUT /qos-specs/{id}}: {@code {"qos_specs": {<key>: <value>...}}}, the keys to set (and the consumer). */
    public record SetBody(@JsonProperty("qos_specs") Map<String, JsonNode> qosSpecs) {
    }

    /** {@code PUT /qos-specs/{id}/delete_keys}: {@code {"keys": [...]}}. */
    public record UnsetBody(@JsonProperty("keys") List<String> keys) {
    }
}
