package io.strato.network.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.kit.faults.InvalidInput;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed request bodies, {@code {"network": {...}}} bound to a record, so that {@code /q/openapi} publishes their
 * fields. The attribute records keep their values as JSON and keep attributes the API does not know (one
 * {@link JsonAnySetter} component): {@link Attributes} then checks them with Neutron's own messages ("'5' is not a
 * valid string for name.", "Unrecognized attribute(s) 'colour'"), as it does a body read as text.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * The attributes of a wrapped body as the client sent them (absent ones left out); the same 400s as
     * {@code JsonBody.wrapped} when the body or its wrapper is missing.
     *
     * @param key the wrapper's name, e.g. {@code network}
     */
    public static <B> JsonNode attributes(B body, Function<B, ? extends Record> inner, String key) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        Record attributes = inner.apply(body);
        if (attributes == null) {
            throw new InvalidInput("Resource body required: the request body must be {\"" + key + "\": {...}}.");
        }
        return json(attributes);
    }

    /** The attributes of a body that is not wrapped (a router interface's); a 400 when there is none. */
    public static JsonNode object(Record body) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return json(body);
    }

    /** The record's JSON components under their {@link JsonProperty} names, then the unknown ones it kept. */
    static ObjectNode json(Record attributes) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : attributes.getClass().getRecordComponents()) {
            Method accessor = c.getAccessor();
            Object value = read(accessor, attributes);
            if (value == null) {
                continue;
            }
            if (accessor.isAnnotationPresent(JsonAnySetter.class)) {
                @SuppressWarnings("unchecked")
                Map<String, JsonNode> others = (Map<String, JsonNode>) value;
                others.forEach((k, v) -> o.set(k, v == null ? JsonNodeFactory.instance.nullNode() : v));
            } else {
                JsonProperty name = accessor.getAnnotation(JsonProperty.class);
                o.set(name == null || name.value().isEmpty() ? c.getName() : name.value(), (JsonNode) value);
            }
        }
        return o;
    }

    private static Object read(Method accessor, Record attributes) {
        try {
            return accessor.invoke(attributes);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("unreadable body record " + attributes.getClass().getName(), e);
        }
    }
}
