package io.strato.network.versions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.network.api.Link;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Neutron API extension as {@code /v2.0/extensions} shows it. */
public record ExtensionView(@JsonProperty("alias") String alias, @JsonProperty("name") String name,
                            @JsonProperty("description") String description, @JsonProperty("updated") String updated,
                            @JsonProperty("links") List<Link> links) {

    static ExtensionView of(Extensions.Extension e) {
        return new ExtensionView(e.alias(), e.name(), e.description(), Extensions.UPDATED, List.of());
    }

    /** {@code {"extension": {...}}} */
    @Schema(name = "ExtensionResponse")
    public record One(@JsonProperty("extension") ExtensionView extension) {
    }

    /** {@code {"extensions": [...]}} */
    @Schema(name = "ExtensionListResponse")
    public record Many(@JsonProperty("extensions") List<ExtensionView> extensions) {
    }
}
