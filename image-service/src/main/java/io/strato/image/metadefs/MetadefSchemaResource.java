package io.strato.image.metadefs;

import static io.strato.image.api.JsonSchemas.link;
import static io.strato.image.api.JsonSchemas.prop;
import static io.strato.image.api.JsonSchemas.schema;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of the metadefs API ({@code /v2/schemas/metadefs/*}), built from the limits and members
 * {@link MetadefRequests} validates with, so that what a client reads is what the API enforces.
 */
@Path("/v2/schemas/metadefs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MetadefSchemaResource {
    private static final String READ_ONLY_TIME = "date-time";

    @GET
    @Path("namespace")
    public Map<String, Object> namespace() {
        return namespaceSchema();
    }

    @GET
    @Path("namespaces")
    public Map<String, Object> namespaces() {
        return list("namespaces", namespaceSchema(), true);
    }

    @GET
    @Path("resource_type")
    public Map<String, Object> resourceType() {
        return associationSchema();
    }

    @GET
    @Path("resource_types")
    public Map<String, Object> resourceTypes() {
        return list("resource_type_associations", associationSchema(), false);
    }

    @GET
    @Path("object")
    public Map<String, Object> object() {
        return objectSchema();
    }

    @GET
    @Path("objects")
    public Map<String, Object> objects() {
        return list("objects", objectSchema(), true);
    }

    @GET
    @Path("property")
    public Map<String, Object> property() {
        return propertySchema();
    }

    /** The list of properties is an object keyed by name, as the API answers it. */
    @GET
    @Path("properties")
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("properties", Map.of("type", "object", "additionalProperties", propertySchema()));
        return withListMembers("properties", p, propertyDefinitions());
    }

    @GET
    @Path("tag")
    public Map<String, Object> tag() {
        return tagSchema();
    }

    @GET
    @Path("tags")
    public Map<String, Object> tags() {
        return list("tags", tagSchema(), false);
    }

    private static Map<String, Object> namespaceSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("namespace", prop("string", "The unique namespace text.", false, Map.of("maxLength", 80)));
        p.put("display_name", prop("string", "The user friendly name for the namespace. Used by UI if available.",
                false, Map.of("maxLength", 80)));
        p.put("description", prop("string", "Provides a user friendly description of the namespace.", false,
                Map.of("maxLength", 500)));
        p.put("visibility", prop("string", "Scope of namespace accessibility.", false,
                Map.of("enum", MetadefRequests.VISIBILITIES)));
        p.put("protected", prop("boolean", "If true, namespace will not be deletable.", false, Map.of()));
        p.put("owner", prop("string", "Owner of the namespace.", false, Map.of("maxLength", 255)));
        times(p, "namespace");
        p.put("schema", prop("string", null, true, Map.of()));
        p.put("self", prop("string", null, true, Map.of()));
        p.put("resource_type_associations", array(Map.of("type", "object", "properties", Map.of(
                "name", Map.of("type", "string"), "prefix", Map.of("type", "string"),
                "properties_target", Map.of("type", "string")))));
        p.put("properties", Map.of("$ref", "#/definitions/property"));
        p.put("objects", array(Map.of("type", "object", "properties", Map.of(
                "name", Map.of("type", "string"), "description", Map.of("type", "string"),
                "required", Map.of("$ref", "#/definitions/stringArray"),
                "properties", Map.of("$ref", "#/definitions/property")))));
        p.put("tags", array(Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")))));
        return strict("namespace", p, List.of("namespace"), namespaceDefinitions());
    }

    private static Map<String, Object> associationSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", prop("string", "Resource type names should be aligned with Heat resource types whenever "
                + "possible: https://docs.openstack.org/heat/latest/template_guide/openstack.html", false,
                Map.of("maxLength", 80)));
        p.put("prefix", prop("string", "Specifies the prefix to use for the given resource type. Any properties in "
                + "the namespace should be prefixed with this prefix when being applied to the specified resource "
                + "type.", false, Map.of("maxLength", 80)));
        p.put("properties_target", prop("string", "Some resource types allow more than one key / value pair per "
                + "instance. For example, Cinder allows user and image metadata on volumes. Only the image "
                + "properties metadata is evaluated by Nova (scheduling or drivers). This property allows a "
                + "namespace target to remove the ambiguity.", false, Map.of("maxLength", 80)));
        times(p, "resource type association");
        return strict("resource_type_association", p, List.of("name"), null);
    }

    private static Map<String, Object> objectSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", prop("string", null, false, Map.of("maxLength", 255)));
        p.put("description", prop("string", null, false, Map.of()));
        p.put("required", Map.of("$ref", "#/definitions/stringArray"));
        p.put("properties", Map.of("$ref", "#/definitions/property"));
        p.put("schema", prop("string", null, true, Map.of()));
        p.put("self", prop("string", null, true, Map.of()));
        times(p, "object");
        return strict("object", p, List.of("name"), namespaceDefinitions());
    }

    private static Map<String, Object> propertySchema() {
        Map<String, Object> p = propertyMembers();
        p.put("name", prop("string", null, false, Map.of("maxLength", 255)));
        return strict("property", p, List.of("type", "title", "name"), propertyDefinitions());
    }

    /** The members of a property definition ({@link MetadefRequests#PROPERTY_MEMBERS}), as JSON schema says them. */
    private static Map<String, Object> propertyMembers() {
        List<Object> types = new ArrayList<>(MetadefRequests.PROPERTY_TYPES);
        types.add(null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", Map.of("type", "string"));
        p.put("description", Map.of("type", "string"));
        p.put("operators", array(Map.of("type", "string")));
        p.put("type", Map.of("type", "string", "enum", types));
        p.put("required", Map.of("$ref", "#/definitions/stringArray"));
        p.put("minimum", Map.of("type", "number"));
        p.put("maximum", Map.of("type", "number"));
        p.put("maxLength", Map.of("$ref", "#/definitions/positiveInteger"));
        p.put("minLength", Map.of("$ref", "#/definitions/positiveIntegerDefault0"));
        p.put("pattern", Map.of("type", "string", "format", "regex"));
        p.put("enum", Map.of("type", "array"));
        p.put("readonly", Map.of("type", "boolean"));
        p.put("default", Map.of());
        p.put("items", Map.of("type", "object", "properties", Map.of("type", Map.of("type", "string", "enum", types),
                "enum", Map.of("type", "array"))));
        p.put("maxItems", Map.of("$ref", "#/definitions/positiveInteger"));
        p.put("minItems", Map.of("$ref", "#/definitions/positiveIntegerDefault0"));
        p.put("uniqueItems", Map.of("type", "boolean", "default", false));
        p.put("additionalItems", Map.of("type", "boolean"));
        return p;
    }

    private static Map<String, Object> tagSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", prop("string", null, false, Map.of("maxLength", 255)));
        times(p, "tag");
        return strict("tag", p, List.of("name"), null);
    }

    private static Map<String, Object> propertyDefinitions() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("positiveInteger", Map.of("type", "integer", "minimum", 0));
        d.put("positiveIntegerDefault0", Map.of("allOf", List.of(Map.of("$ref", "#/definitions/positiveInteger"),
                Map.of("default", 0))));
        d.put("stringArray", Map.of("type", "array", "items", Map.of("type", "string"), "uniqueItems", true));
        return d;
    }

    /** The property definitions plus {@code property}: a map of name to property definition, as in a namespace. */
    private static Map<String, Object> namespaceDefinitions() {
        Map<String, Object> member = propertyMembers();
        member.put("name", Map.of("type", "string"));
        Map<String, Object> d = propertyDefinitions();
        d.put("property", Map.of("type", "object", "additionalProperties",
                Map.of("type", "object", "required", List.of("title", "type"), "properties", member)));
        return d;
    }

    private static Map<String, Object> strict(String name, Map<String, Object> properties, List<String> required,
                                              Map<String, Object> definitions) {
        Map<String, Object> s = schema(name, properties, false, null);
        s.put("required", required);
        if (definitions != null) {
            s.put("definitions", definitions);
        }
        return s;
    }

    /** A list schema: the items under {@code name}, with the paging members Glance lists. */
    private static Map<String, Object> list(String name, Map<String, Object> item, boolean withDefinitions) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> items = new LinkedHashMap<>(item);
        Object definitions = items.remove("definitions");
        p.put(name, array(items));
        return withListMembers(name, p, withDefinitions ? (Map<?, ?>) definitions : null);
    }

    private static Map<String, Object> withListMembers(String name, Map<String, Object> p, Map<?, ?> definitions) {
        p.put("first", Map.of("type", "string"));
        p.put("next", Map.of("type", "string"));
        p.put("schema", Map.of("type", "string"));
        Map<String, Object> s = schema(name, p, null, List.of(link("first", "{first}"), link("next", "{next}"),
                link("describedby", "{schema}")));
        if (definitions != null) {
            s.put("definitions", definitions);
        }
        return s;
    }

    private static void times(Map<String, Object> p, String what) {
        p.put("created_at", prop("string", "Date and time of " + what + " creation", true,
                Map.of("format", READ_ONLY_TIME)));
        p.put("updated_at", prop("string", "Date and time of the last " + what + " modification", true,
                Map.of("format", READ_ONLY_TIME)));
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }
}
