package io.strato.identity.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for an endpoint group. */
public record EndpointGroupView(String id, String name, String description, Map<String, String> filters,
                                Map<String, String> links) {

    public static EndpointGroupView of(EndpointGroup g, Links links) {
        return new EndpointGroupView(g.id, g.name, g.description, g.filters,
                links.self("OS-EP-FILTER/endpoint_groups/" + g.id));
    }

    @Schema(name = "EndpointGroupOne")
    public record One(@JsonProperty("endpoint_group") EndpointGroupView endpointGroup) {
    }

    @Schema(name = "EndpointGroupMany")
    public record Many(@JsonProperty("endpoint_groups") List<EndpointGroupView> endpointGroups,
                       Map<String, String> links) {
    }

    /** Request body: {"endpoint_group": {...}}. */
    @Schema(name = "EndpointGroupBody")
    public record Body(@JsonProperty("endpoint_group") Fields endpointGroup) {
    }

    @Schema(name = "EndpointGroupFields")
    public record Fields(String name, String description, Map<String, String> filters) {
    }
}
