package io.strato.network.versions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.network.api.Link;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Neutron's version discovery ({@code GET /}) and v2.0 resource index ({@code GET /v2.0}) in its JSON. */
public record VersionView(@JsonProperty("id") String id, @JsonProperty("status") String status,
                          @JsonProperty("links") List<Link> links) {

    /** {@code {"versions": [...]}} */
    @Schema(name = "VersionListResponse")
    public record Many(@JsonProperty("versions") List<VersionView> versions) {
    }

    /** A collection of v2.0: {@code {"name": "security_group", "collection": "security-groups", "links": [...]}}. */
    public record ApiResource(@JsonProperty("name") String name, @JsonProperty("collection") String collection,
                              @JsonProperty("links") List<Link> links) {
    }

    /** {@code {"resources": [...]}} */
    @Schema(name = "ApiResourceListResponse")
    public record Resources(@JsonProperty("resources") List<ApiResource> resources) {
    }
}
