package io.strato.network.l3agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v2.0/agents/{id}/l3-routers}, not wrapped: {@code {"router_id": ...}}, as
 * {@code openstack network agent add router --l3} sends it. Other attributes (ML2/OVN's {@code ha_chassis_priority})
 * are ignored.
 */
public record L3RouterBody(@JsonProperty("router_id") JsonNode routerId) {
}
