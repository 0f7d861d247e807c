package io.strato.compute.validation;

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

/**
 * Typed request bodies read back as the JSON the client sent, so that the Nova schema checks of
 * {@link BodyFields} keep their messages. A body record's components are JSON values (or nested body records)
 * under Nova's names, plus one {@link JsonAnySetter} map that keeps the members Nova does not know, for the
 * {@code Additional properties are not allowed} 400. A component that was absent is left out; an explicit
 * {@code null} stays a JSON null.
 */
public final class Bodies {
    private Bodies() {
    }

    /** The whole body as JSON; the 400 of a missing body when the client sent none. */
    public static ObjectNode json(Record body) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return object(body);
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
