package io.strato.identity.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for an endpoint; {@code region} repeats {@code region_id} for old clients. */
public record EndpointView(String id, @JsonProperty("interface") String iface, String region,
                           @JsonProperty("region_id") String regionId, @JsonProperty("service_id") String serviceId,
                           String url, boolean enabled, Map<String, String> links) {

    public static EndpointView of(Endpoint e, Links links) {
        return new EndpointView(e.id, e.iface, e.regionId, e.regionId, e.serviceId, e.url, e.enabled,
                links.self("endpoints/" + e.id));
    }

    @Schema(name = "EndpointOne")
    public record One(EndpointView endpoint) {
    }

    @Schema(name = "EndpointMany")
    public record Many(List<EndpointView> endpoints, Map<String, String> links) {
    }

    /** Request body: {"endpoint": {...}}. */
    @Schema(name = "EndpointBody")
    public record Body(Fields endpoint) {
    }

    /** {@code region} is the pre-region_id name of the field, still sent by old clients. */
    @Schema(name = "EndpointFields")
    public record Fields(@JsonProperty("service_id") String serviceId, @JsonProperty("interface") String iface,
                         @JsonProperty("region_id") String regionId, String region, String url, Boolean enabled) {
    }
}
