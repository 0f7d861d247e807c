package io.strato.network.routers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /v2.0/routers/{id}/add_router_interface} and {@code remove_router_interface}, not
 * wrapped: {@code {"subnet_id": ...}} or {@code {"port_id": ...}}, as OpenAPI publishes it. The values stay JSON
 * so that {@link RouterRequest} answers a wrong one with Neutron's message; other attributes are ignored, as
 * Neutron ignores them.
 */
public record RouterInterfaceBody(
        @JsonProperty("subnet_id") JsonNode subnetId,
        @JsonProperty("port_id") JsonNode portId) {
}
