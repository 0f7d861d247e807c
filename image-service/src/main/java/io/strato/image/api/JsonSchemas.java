package io.strato.image.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building blocks of the JSON schemas Glance serves under {@code /v2/schemas}. */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    /** A named schema of an object: its properties, what else it allows (null: unsaid) and its links (null: none). */
    public static Map<String, Object> schema(String name, Map<String, Object> properties, Object additional,
                                             List<Object> links) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("properties", properties);
        if (additional != null) {
            s.put("additionalProperties", additional);
        }
        if (links != null) {
            s.put("links", links);
        }
        return s;
    }

    /** One property: its JSON type (a name or a list of names), a description, and further keywords. */
    public static Map<String, Object> prop(Object type, String description, boolean readOnly, Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        if (description != null) {
            p.put("description", description);
        }
        if (readOnly) {
            p.put("readOnly", true);
        }
        p.putAll(more);
        return p;
    }

    public static Map<String, Object> link(String rel, String href) {
        return Map.of("rel", rel, "href", href);
    }
}
