package io.strato.image.versions;

import io.strato.image.api.ImageApiConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

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
    public RestResponse<Versions> root() {
        return RestResponse.ResponseBuilder.<Versions>create(300).entity(versions()).build();
    }

    @GET
    @Path("versions")
    public Versions list() {
        return versions();
    }

    @GET
    @Path("v2")
    public Versions v2() {
        return versions();
    }

    private Versions versions() {
        String base = config.publicUrl().replaceAll("/+$", "");
        List<Link> links = List.of(new Link("self", base + "/v2/"));
        return new Versions(MINORS.stream()
                .map(minor -> new Version("v" + minor, minor.equals(MINORS.get(0)) ? "CURRENT" : "SUPPORTED", links))
                .toList());
    }

    /** {@code {"versions": [...]}}. */
    @Schema(name = "ImageVersions")
    public record Versions(List<Version> versions) {
    }

    @Schema(name = "ImageVersion")
    public record Version(String id, String status, List<Link> links) {
    }

    @Schema(name = "ImageVersionLink")
    public record Link(String rel, String href) {
    }
}
