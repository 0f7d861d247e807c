package io.strato.image.api;

import static io.strato.image.api.JsonSchemas.link;
import static io.strato.image.api.JsonSchemas.prop;
import static io.strato.image.api.JsonSchemas.schema;

import io.quarkus.security.Authenticated;
import io.strato.image.images.ImageAttributes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas glanceclient and openstacksdk fetch to build and check requests, built from the
 * same attribute lists the API validates with, so the two cannot disagree.
 */
@Path("/v2/schemas")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {
    private static final String UUID_PATTERN =
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";

    @GET
    @Path("image")
    public Map<String, Object> image() {
        return imageSchema();
    }

    @GET
    @Path("images")
    public Map<String, Object> images() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("images", Map.of("type", "array", "items", imageSchema()));
        props.put("schema", Map.of("type", "string"));
        props.put("first", Map.of("type", "string"));
        props.put("next", Map.of("type", "string"));
        return schema("images", props, null, List.of(link("first", "{first}"), link("next", "{next}"),
                link("describedby", "{schema}")));
    }

    @GET
    @Path("member")
    public Map<String, Object> member() {
        return memberSchema();
    }

    @GET
    @Path("members")
    public Map<String, Object> members() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("members", Map.of("type", "array", "items", memberSchema()));
        props.put("schema", Map.of("type", "string"));
        return schema("members", props, null, List.of(link("describedby", "{schema}")));
    }

    private static Map<String, Object> imageSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", prop("string", "An identifier for the image", false, Map.of("pattern", UUID_PATTERN)));
        p.put("name", prop(List.of("null", "string"), "Descriptive name for the image", false, Map.of("maxLength", 255)));
        p.put("status", prop("string", "Status of the image", true, Map.of("enum", ImageAttributes.STATUSES)));
        p.put("visibility", prop("string", "Scope of image accessibility", false,
                Map.of("enum", ImageAttributes.VISIBILITIES)));
        p.put("protected", prop("boolean", "If true, image will not be deletable.", false, Map.of()));
        p.put("os_hidden", prop("boolean", "If true, image will not appear in default image list response.", false, Map.of()));
        p.put("checksum", prop(List.of("null", "string"), "md5 hash of image contents.", true, Map.of("maxLength", 32)));
        p.put("os_hash_algo", prop(List.of("null", "string"), "Algorithm to calculate the os_hash_value", true,
                Map.of("maxLength", 64)));
        p.put("os_hash_value", prop(List.of("null", "string"), "Hexdigest of the image contents using os_hash_algo.",
                true, Map.of("maxLength", 128)));
        p.put("owner", prop(List.of("null", "string"), "Owner of the image", false, Map.of("maxLength", 255)));
        p.put("size", prop(List.of("null", "integer"), "Size of image file in bytes", true, Map.of()));
        p.put("virtual_size", prop(List.of("null", "integer"), "Virtual size of image in bytes", true, Map.of()));
        p.put("container_format", prop(List.of("null", "string"), "Format of the container", false,
                Map.of("enum", withNull(ImageAttributes.CONTAINER_FORMATS))));
        p.put("disk_format", prop(List.of("null", "string"), "Format of the disk", false,
                Map.of("enum", withNull(ImageAttributes.DISK_FORMATS))));
        p.put("created_at", prop("string", "Date and time of image registration", true, Map.of()));
        p.put("updated_at", prop("string", "Date and time of the last image modification", true, Map.of()));
        p.put("tags", prop("array", "List of strings related to the image", false,
                Map.of("items", Map.of("type", "string", "maxLength", 255))));
        p.put("min_ram", prop("integer", "Amount of ram (in MB) required to boot image.", false, Map.of()));
        p.put("min_disk", prop("integer", "Amount of disk space (in GB) required to boot image.", false, Map.of()));
        p.put("self", prop("string", "An image self url", true, Map.of()));
        p.put("file", prop("string", "An image file url", true, Map.of()));
        p.put("schema", prop("string", "An image schema url", true, Map.of()));
        return schema("image", p, Map.of("type", "string"), List.of(link("self", "{self}"),
                link("enclosure", "{file}"), link("describedby", "{schema}")));
    }

    private static Map<String, Object> memberSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("created_at", prop("string", "Date and time of image member creation", false, Map.of()));
        p.put("image_id", prop("string", "An identifier for the image", false, Map.of("pattern", UUID_PATTERN)));
        p.put("member_id", prop("string", "An identifier for the image member (tenantId)", false, Map.of()));
        p.put("status", prop("string", "The status of this image member", false,
                Map.of("enum", List.of("pending", "accepted", "rejected"))));
        p.put("updated_at", prop("string", "Date and time of last modification of image member", false, Map.of()));
        p.put("schema", prop("string", "A member schema url", true, Map.of()));
        return schema("member", p, null, null);
    }

    private static List<Object> withNull(List<String> values) {
        List<Object> all = new ArrayList<>(Arrays.asList((Object) null));
        all.addAll(values);
        return all;
    }
}
