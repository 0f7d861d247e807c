package io.strato.image.metadefs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the metadefs API, with the limits of Glance's metadef schemas. */
public final class MetadefRequests {
    static final List<String> VISIBILITIES = List.of("public", "private");
    static final List<String> PROPERTY_TYPES = List.of("array", "boolean", "integer", "number", "object", "string");
    /** The members of a property definition (Glance's PropertyType), name aside. */
    static final Set<String> PROPERTY_MEMBERS = Set.of("title", "type", "description", "operators", "default",
            "readonly", "minimum", "maximum", "enum", "pattern", "minLength", "maxLength", "items", "uniqueItems",
            "minItems", "maxItems", "additionalItems");

    private MetadefRequests() {
    }

    /** A namespace, on create (with optional definitions) and on update (its own fields only). */
    @Schema(name = "MetadefNamespaceRequest")
    public record Namespace(String namespace, String displayName, String description, String visibility,
                            @JsonProperty("protected") Boolean isProtected, String owner,
                            List<Association> resourceTypeAssociations, Map<String, Map<String, Object>> properties,
                            List<MetadefObject> objects, List<Tag> tags, JsonNode self, JsonNode schema,
                            JsonNode createdAt, JsonNode updatedAt) {
        /** Checks the namespace's own fields; the ones only the service writes are Glance's 403. */
        public Namespace validated() {
            readOnly("self", self);
            readOnly("schema", schema);
            readOnly("created_at", createdAt);
            readOnly("updated_at", updatedAt);
            text("namespace", namespace, 80, true);
            text("display_name", displayName, 80, false);
            text("description", description, 500, false);
            text("owner", owner, 255, false);
            if (visibility != null && !VISIBILITIES.contains(visibility)) {
                throw new InvalidInput("Invalid value '" + visibility + "' for 'visibility': it must be one of "
                        + VISIBILITIES + ".");
            }
            return this;
        }
    }

    @Schema(name = "MetadefResourceTypeAssociationRequest")
    public record Association(String name, String prefix, String propertiesTarget) {
        public Association validated() {
            text("name", name, 80, true);
            text("prefix", prefix, 80, false);
            text("properties_target", propertiesTarget, 80, false);
            return this;
        }
    }

    @Schema(name = "MetadefObjectRequest")
    public record MetadefObject(String name, String description, Map<String, Map<String, Object>> properties,
                                List<String> required) {
        public MetadefObject validated() {
            text("name", name, 255, true);
            if (properties != null) {
                properties.forEach((key, schema) -> property(key, schema));
            }
            return this;
        }

        /** What the object's row keeps besides its name. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (description != null) {
                body.put("description", description);
            }
            body.put("properties", properties == null ? Map.of() : properties);
            body.put("required", required == null ? List.of() : required);
            return body;
        }
    }

    @Schema(name = "MetadefTagRequest")
    public record Tag(String name) {
        public Tag validated() {
            text("name", name, 255, true);
            return this;
        }
    }

    /** Tags to create at once: {@code {"tags": [{"name": ...}, ...]}}. */
    @Schema(name = "MetadefTagsRequest")
    public record Tags(List<Tag> tags) {
        public List<String> names() {
            if (tags == null) {
                throw new InvalidInput("Request body must be a JSON object with a 'tags' array.");
            }
            return tags.stream().map(t -> (t == null ? new Tag(null) : t).validated().name()).toList();
        }
    }

    /**
     * A property definition as Glance's PropertyType takes it: a title and a JSON schema type are required, other
     * members are JSON schema keywords; anything else is refused. Returns the definition without its name.
     */
    static Map<String, Object> property(String name, Map<String, Object> definition) {
        text("name", name, 255, true);
        if (definition == null) {
            throw new InvalidInput("Property " + name + " must be a JSON object.");
        }
        Map<String, Object> body = new LinkedHashMap<>(definition);
        body.remove("name");
        for (String key : body.keySet()) {
            if (!PROPERTY_MEMBERS.contains(key)) {
                throw new InvalidInput("Property " + name + ": additional property '" + key + "' is not allowed.");
            }
        }
        if (!(body.get("title") instanceof String)) {
            throw new InvalidInput("Property " + name + ": 'title' is a required string.");
        }
        if (!(body.get("type") instanceof String type) || !PROPERTY_TYPES.contains(type)) {
            throw new InvalidInput("Property " + name + ": 'type' must be one of " + PROPERTY_TYPES + ".");
        }
        return body;
    }

    private static void readOnly(String field, JsonNode value) {
        if (value != null) {
            throw new Forbidden("Attribute '" + field + "' is read-only.");
        }
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInput("'" + field + "' is a required property.");
            }
            return;
        }
        if ((required && value.isBlank()) || value.length() > max) {
            throw new InvalidInput("Invalid value for '" + field + "': 1 to " + max + " characters.");
        }
    }
}
