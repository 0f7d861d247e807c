package io.strato.compute.versions;

import io.strato.compute.api.Microversion;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Nova's version discovery: {@code GET /} (both versions) and {@code GET /v2.1} (the current one). */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private final String publicUrl;

    public VersionResource(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute")
                           String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    public Response root() {
        return Response.ok().entity(Map.of("versions", List.of(v20(), v21()))).build();
    }

    @GET
    @Path("v2.1")
    public Map<String, Object> current() {
        return Map.of("version", v21());
    }

    private Map<String, Object> v21() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.1");
        v.put("status", "CURRENT");
        v.put("version", Microversion.MAX.toString());
        v.put("min_version", Microversion.MIN.toString());
        v.put("updated", "2013-07-23T11:33:21Z");
        v.put("links", List.of(Map.of("rel", "self", "href", publicUrl + "/v2.1/")));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2.1")));
        return v;
    }

    private Map<String, Object> v20() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.0");
        v.put("status", "SUPPORTED");
        v.put("version", "");
        v.put("min_version", "");
        v.put("updated", "2011-01-21T11:33:21Z");
        v.put("links", List.of(Map.of("rel", "self", "href", publicUrl + "/v2/")));
        return v;
    }
}
