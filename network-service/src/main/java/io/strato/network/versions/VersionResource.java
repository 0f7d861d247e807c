package io.strato.network.versions;

import io.strato.network.api.Link;
import io.strato.network.config.NetworkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

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
    public VersionView.Many versions() {
        return new VersionView.Many(List.of(new VersionView("v2.0", "CURRENT", List.of(new Link("self", base() + "/v2.0/")))));
    }

    @GET
    @Path("v2.0")
    public VersionView.Resources resources() {
        List<VersionView.ApiResource> out = new ArrayList<>();
        for (String c : COLLECTIONS) {
            String name = c.endsWith("ies") ? c.substring(0, c.length() - 3) + "y" : c.substring(0, c.length() - 1);
            out.add(new VersionView.ApiResource(name.replace('-', '_'), c, List.of(new Link("self", base() + "/v2.0/" + c))));
        }
        return new VersionView.Resources(out);
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}
