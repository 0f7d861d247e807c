package io.strato.identity.versions;

import io.strato.identity.api.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Version discovery as Keystone answers it: 300 with the version list at /, the v3 document at /v3. */
@Path("/")
@PermitAll
public class VersionResource {
    private final Links links;

    public VersionResource(Links links) {
        this.links = links;
    }

    @GET
    public Response versions() {
        return Response.status(300).entity(Map.of("versions", Map.of("values", List.of(v3())))).build();
    }

    @GET
    @Path("v3")
    public Map<String, Object> version() {
        return Map.of("version", v3());
    }

    private Map<String, Object> v3() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        v.put("links", List.of(Map.of("rel", "self", "href", links.base() + "/v3/")));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.identity-v3+json")));
        return v;
    }
}
