package io.strato.identity.versions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/** Version discovery as Keystone answers it: 300 with the version list at /, the v3 document at /v3. */
@Path("/")
@PermitAll
public class VersionResource {
    private final Links links;

    public VersionResource(Links links) {
        this.links = links;
    }

    @GET
    public RestResponse<Versions> versions() {
        return RestResponse.ResponseBuilder.<Versions>create(300).entity(new Versions(new Values(List.of(v3())))).build();
    }

    @GET
    @Path("v3")
    public One version() {
        return new One(v3());
    }

    private Version v3() {
        return new Version("v3.14", "stable", "2020-04-07T00:00:00Z", List.of(new Link("self", links.base() + "/v3/")),
                List.of(new MediaType("application/json", "application/vnd.openstack.identity-v3+json")));
    }

    /** {@code {"versions": {"values": [...]}}}. */
    @Schema(name = "IdentityVersions")
    public record Versions(Values versions) {
    }

    @Schema(name = "IdentityVersionValues")
    public record Values(List<Version> values) {
    }

    /** {@code {"version": {...}}}. */
    @Schema(name = "IdentityVersionBody")
    public record One(Version version) {
    }

    @Schema(name = "IdentityVersion")
    public record Version(String id, String status, String updated, List<Link> links,
                          @JsonProperty("media-types") List<MediaType> mediaTypes) {
    }

    @Schema(name = "IdentityVersionLink")
    public record Link(String rel, String href) {
    }

    @Schema(name = "IdentityVersionMediaType")
    public record MediaType(String base, String type) {
    }
}
