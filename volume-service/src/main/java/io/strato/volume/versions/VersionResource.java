package io.strato.volume.versions;

import io.strato.volume.api.Microversions;
import io.strato.volume.api.VolumeApiConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Version discovery as Cinder answers it: 300 Multiple Choices at the root, the v3 entry at /v3/. */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private final VolumeApiConfig config;

    public VersionResource(VolumeApiConfig config) {
        this.config = config;
    }

    @GET
    public Response root() {
        return Response.status(300).entity(Map.of("versions", List.of(v3()))).build();
    }

    @GET
    @Path("v3")
    public Map<String, Object> v3Versions() {
        return Map.of("versions", List.of(v3()));
    }

    private Map<String, Object> v3() {
        String base = config.publicUrl().replaceAll("/+$", "");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.0");
        v.put("status", "CURRENT");
        v.put("version", Microversions.MAX);
        v.put("min_version", Microversions.MIN);
        v.put("updated", "2023-08-31T00:00:00Z");
        v.put("links", List.of(
                Map.of("rel", "describedby", "type", "text/html", "href", "https://docs.openstack.org/"),
                Map.of("rel", "self", "href", base + "/v3/")));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.volume+json;version=3")));
        return v;
    }
}
