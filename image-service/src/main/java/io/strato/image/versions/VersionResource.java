package io.strato.image.versions;

import io.strato.image.api.ImageApiConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Version discovery as Glance answers it: 300 Multiple Choices with the list of v2 minor versions. */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    /** The v2 minor versions Glance lists, newest (CURRENT) first. */
    private static final List<String> MINORS = List.of("2.9", "2.8", "2.7", "2.6", "2.5", "2.4", "2.3", "2.2", "2.1", "2.0");

    private final ImageApiConfig config;

    public VersionResource(ImageApiConfig config) {
        this.config = config;
    }

    @GET
    public Response root() {
        return Response.status(300).entity(versions()).build();
    }

    @GET
    @Path("versions")
    public Map<String, Object> list() {
        return versions();
    }

    @GET
    @Path("v2")
    public Map<String, Object> v2() {
        return versions();
    }

    private Map<String, Object> versions() {
        String base = config.publicUrl().replaceAll("/+$", "");
        List<Map<String, Object>> values = new ArrayList<>();
        for (String minor : MINORS) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", "v" + minor);
            v.put("status", minor.equals(MINORS.get(0)) ? "CURRENT" : "SUPPORTED");
            v.put("links", List.of(Map.of("rel", "self", "href", base + "/v2/")));
            values.add(v);
        }
        return Map.of("versions", values);
    }
}
