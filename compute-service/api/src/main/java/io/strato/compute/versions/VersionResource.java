package io.strato.compute.versions;

import io.strato.compute.api.Link;
import io.strato.compute.api.Microversion;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nova's version discovery: {@code GET /} (both versions), {@code GET /v2.1} (the current one) and {@code GET /v2}
 * (the legacy v2.0 one).
 */
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
        return Response.ok().entity(new VersionView.Many(List.of(v20(), v21()))).build();
    }

    @GET
    @Path("v2.1")
    public VersionView.One current() {
        return new VersionView.One(v21());
    }

    /** Nova's legacy v2.0 entry (the v2.1 API with v2.0's frozen feature set), where {@code GET /} links it. */
    @GET
    @Path("v2")
    public VersionView.One legacy() {
        VersionView v = v20();
        return new VersionView.One(new VersionView(v.id(), v.status(), v.version(), v.minVersion(), v.updated(), v.links(),
                List.of(new VersionView.MediaType("application/json", "application/vnd.openstack.compute+json;version=2"))));
    }

    private VersionView v21() {
        return new VersionView("v2.1", "CURRENT", Microversion.MAX.toString(), Microversion.MIN.toString(),
                "2013-07-23T11:33:21Z", List.of(Link.self(publicUrl + "/v2.1/")),
                List.of(new VersionView.MediaType("application/json", "application/vnd.openstack.compute+json;version=2.1")));
    }

    private VersionView v20() {
        return new VersionView("v2.0", "SUPPORTED", "", "", "2011-01-21T11:33:21Z",
                List.of(Link.self(publicUrl + "/v2/")), null);
    }
}
