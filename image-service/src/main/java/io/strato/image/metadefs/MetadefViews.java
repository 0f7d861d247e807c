package io.strato.image.metadefs;

import static io.strato.image.images.ImageView.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.kit.web.PageLinks;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Glance's JSON for metadata definitions; members Glance leaves out when unset are left out. */
public final class MetadefViews {
    static final String NAMESPACES = "/v2/metadefs/namespaces";

    private MetadefViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetadefNamespace")
    public record Namespace(String namespace, String displayName, String description, String visibility,
                            @JsonProperty("protected") boolean isProtected, String owner, String createdAt,
                            String updatedAt, String schema, String self,
                            List<Association> resourceTypeAssociations, Map<String, Map<String, Object>> properties,
                            List<MetadefObject> objects, List<Tag> tags) {

        /**
         * A namespace with what it holds; empty collections are left out, as Glance does. With a resource type
         * it is associated with, property names (also objects' and their required lists) carry that
         * association's prefix, as Glance's {@code resource_type} query shows them.
         */
        static Namespace of(MetadefNamespace n, List<MetadefAssociation> associations,
                            List<MetadefDefinition> properties, List<MetadefDefinition> objects,
                            List<MetadefDefinition> tags, String resourceType) {
            String prefix = associations.stream().filter(a -> a.resourceType.equals(resourceType))
                    .map(a -> a.prefix).filter(p -> p != null).findFirst().orElse("");
            return new Namespace(n.namespace, n.displayName, n.description, n.visibility, n.isProtected, n.owner,
                    time(n.createdAt), time(n.updatedAt), "/v2/schemas/metadefs/namespace",
                    NAMESPACES + "/" + n.namespace,
                    orNull(associations.stream().map(Association::of).toList()),
                    properties.isEmpty() ? null : Property.map(properties, prefix),
                    orNull(objects.stream().map(o -> MetadefObject.of(n.namespace, o, prefix)).toList()),
                    orNull(tags.stream().map(t -> new Tag(t.name, null, null)).toList()));
        }
    }

    /**
     * {@code {"namespaces": [...], "first": ..., "next": ..., "schema": ...}}: first is the list's own query
     * without its marker, next (when the page is full) the same query with the last namespace as marker,
     * both as paths from {@code /v2/}, as Glance writes them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetadefNamespaceList")
    public record Namespaces(List<Namespace> namespaces, String first, String next, String schema) {
        static Namespaces of(List<Namespace> namespaces, URI request, boolean full) {
            String last = namespaces.isEmpty() ? null : namespaces.get(namespaces.size() - 1).namespace();
            String next = full ? PageLinks.next(request, last, "", "/v2/") : null;
            String query = request.getRawQuery() == null ? "" : Arrays.stream(request.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !p.startsWith("marker=")).collect(Collectors.joining("&"));
            return new Namespaces(namespaces, query.isEmpty() ? NAMESPACES : NAMESPACES + "?" + query, next,
                    "/v2/schemas/metadefs/namespaces");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetadefResourceTypeAssociation")
    public record Association(String name, String prefix, String propertiesTarget, String createdAt,
                              String updatedAt) {
        static Association of(MetadefAssociation a) {
            return new Association(a.resourceType, a.prefix, a.propertiesTarget, time(a.createdAt), time(a.updatedAt));
        }
    }

    @Schema(name = "MetadefResourceTypeAssociationList")
    public record Associations(List<Association> resourceTypeAssociations) {
    }

    @Schema(name = "MetadefResourceType")
    public record ResourceType(String name, String createdAt, String updatedAt) {
        static ResourceType of(MetadefResourceType t) {
            return new ResourceType(t.name, time(t.createdAt), time(t.updatedAt));
        }
    }

    @Schema(name = "MetadefResourceTypeList")
    public record ResourceTypes(List<ResourceType> resourceTypes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetadefObject")
    public record MetadefObject(String name, String description, Object properties, Object required,
                                String schema, String self, String createdAt, String updatedAt) {
        static MetadefObject of(String namespace, MetadefDefinition d) {
            return of(namespace, d, "");
        }

        @SuppressWarnings("unchecked")
        static MetadefObject of(String namespace, MetadefDefinition d, String prefix) {
            Map<String, Object> b = d.body;
            Map<String, Object> properties = new LinkedHashMap<>();
            ((Map<String, Object>) b.getOrDefault("properties", Map.of()))
                    .forEach((k, v) -> properties.put(prefix + k, v));
            List<String> required = ((List<String>) b.getOrDefault("required", List.of())).stream()
                    .map(r -> prefix + r).toList();
            return new MetadefObject(d.name, (String) b.get("description"), properties, required,
                    "/v2/schemas/metadefs/object",
                    NAMESPACES + "/" + namespace + "/objects/" + d.name, time(d.createdAt), time(d.updatedAt));
        }
    }

    @Schema(name = "MetadefObjectList")
    public record MetadefObjects(List<MetadefObject> objects, String schema) {
        static MetadefObjects of(String namespace, List<MetadefDefinition> objects) {
            return new MetadefObjects(objects.stream().map(o -> MetadefObject.of(namespace, o)).toList(),
                    "v2/schemas/metadefs/objects");
        }
    }

    /** A property definition: its JSON schema members, with its name when shown alone. */
    public static final class Property {
        private Property() {
        }

        static Map<String, Object> of(MetadefDefinition d) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", d.name);
            p.putAll(d.body);
            return p;
        }

        static Map<String, Map<String, Object>> map(List<MetadefDefinition> properties, String prefix) {
            Map<String, Map<String, Object>> all = new LinkedHashMap<>();
            properties.forEach(p -> all.put(prefix + p.name, p.body));
            return all;
        }
    }

    @Schema(name = "MetadefPropertyList")
    public record Properties(Map<String, Map<String, Object>> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MetadefTag")
    public record Tag(String name, String createdAt, String updatedAt) {
        static Tag of(MetadefDefinition d) {
            return new Tag(d.name, time(d.createdAt), time(d.updatedAt));
        }
    }

    @Schema(name = "MetadefTagList")
    public record Tags(List<Tag> tags) {
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
