package io.strato.network.versions;

import io.strato.network.config.NetworkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Neutron's version discovery ({@code GET /}) and the v2.0 resource index ({@code GET /v2.0}). */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {
    private static final List<String> COLLECTIONS = List.of("networks", "subnets", "ports", "security-groups",
            "security-group-rules", "routers", "floatingips", "quotas");

    private final NetworkConfig config;

    public VersionResource(NetworkConfig config) {
        this.config = config;
    }

    @GET
    public Map<String, Object> versions() {
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("rel", "self", "href", base() + "/v2.0/")))));
    }

    @GET
    @Path("v2.0")
    public Map<String, Object> resources() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String c : COLLECTIONS) {
            Map<String, Object> r = new LinkedHashMap<>();
            String name = c.endsWith("ies") ? c.substring(0, c.length() - 3) + "y" : c.substring(0, c.length() - 1);
            r.put("name", name.replace('-', '_'));
            r.put("collection", c);
            r.put("links", List.of(Map.of("rel", "self", "href", base() + "/v2.0/" + c)));
            out.add(r);
        }
        return Map.of("resources", out);
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}
