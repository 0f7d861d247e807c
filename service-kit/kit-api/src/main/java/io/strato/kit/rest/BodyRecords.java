package io.strato.kit.rest;

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
 * Typed request bodies read back as the JSON the client sent. A body record is bound by the JSON provider, so
 * that {@code /q/openapi} publishes its fields; its components are JSON values (or nested body records) under
 * the API's names, plus at most one {@link JsonAnySetter} map that keeps the members the API does not know. The
 * service then checks that JSON with its own API's messages (Neutron's "Unrecognized attribute(s)", Nova's
 * "Additional properties are not allowed"), exactly as it would a body read as text. A component the client left
 * out is left out; an explicit {@code null} stays a JSON null.
 */
public final class BodyRecords {
    private BodyRecords() {
    }

    /** The whole body as JSON; the 400 of a missing body when the client sent none. */
    public static ObjectNode json(Record body) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return object(body);
    }

    /**
     * The attributes of a wrapped body ({@code {"network": {...}}}) as the client sent them; a 400 when the body
     * or its wrapper is missing.
     *
     * @param key the wrapper's name, e.g. {@code network}, for the message
     */
    public static <B> ObjectNode wrapped(B body, Function<B, ? extends Record> inner, String key) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        Record attributes = inner.apply(body);
        if (attributes == null) {
            throw new InvalidInput("Resource body required: the request body must be {\"" + key + "\": {...}}.");
        }
        return object(attributes);
    }

    private static ObjectNode object(Record body) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : body.getClass().getRecordComponents()) {
            Method accessor = c.getAccessor();
            Object value = read(accessor, body);
            if (value == null) {
                continue;
            }
            if (accessor.isAnnotationPresent(JsonAnySetter.class)) {
                @SuppressWarnings("unchecked")
                Map<String, JsonNode> others = (Map<String, JsonNode>) value;
                others.forEach((k, v) -> o.set(k, v == null ? JsonNodeFactory.instance.nullNode() : v));
                continue;
            }
            JsonProperty name = accessor.getAnnotation(JsonProperty.class);
            String key = name == null || name.value().isEmpty() ? c.getName() : name.value();
            o.set(key, value instanceof Record r ? object(r) : (JsonNode) value);
        }
        return o;
    }

    private static Object read(Method accessor, Record body) {
        try {
            accessor.setAccessible(true); // a feature's body record need not be public
            return accessor.invoke(body);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("unreadable body record " + body.getClass().getName(), e);
        }
    }
}
