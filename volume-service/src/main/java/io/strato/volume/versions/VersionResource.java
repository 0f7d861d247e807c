package io.strato.volume.versions;

import io.strato.volume.api.Microversions;
import io.strato.volume.api.VolumeApiConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

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
        return Response.status(300).entity(v3Versions()).build();
    }

    @GET
    @Path("v3")
    public VersionView.Many v3Versions() {
        return new VersionView.Many(List.of(v3()));
    }

    private VersionView v3() {
        String base = config.publicUrl().replaceAll("/+$", "");
        return new VersionView("v3.0", "CURRENT", Microversions.MAX, Microversions.MIN, "2023-08-31T00:00:00Z",
                List.of(new VersionView.VersionLink("describedby", "text/html", "https://docs.openstack.org/"),
                        new VersionView.VersionLink("self", null, base + "/v3/")),
                List.of(new VersionView.MediaType("application/json", "application/vnd.openstack.volume+json;version=3")));
    }
}
