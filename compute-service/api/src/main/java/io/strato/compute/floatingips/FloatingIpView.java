package io.strato.compute.floatingips;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Neutron floating IP in Nova's os-floating-ips shape: {@code pool} is its external network's name (its id when
 * unnamed or not found), {@code instance_id} the device of its port (fip-port-details), null when not associated.
 */
@Schema(name = "ComputeFloatingIp")
public record FloatingIpView(
        @JsonProperty("id") String id,
        @JsonProperty("pool") String pool,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("ip") String ip,
        @JsonProperty("fixed_ip") String fixedIp) {

    /** @param pools external network names by id */
    static FloatingIpView of(JsonNode f, Map<String, String> pools) {
        String network = f.path("floating_network_id").asText();
        JsonNode port = f.path("port_details");
        String device = port.isObject() ? port.path("device_id").asText(null) : null;
        return new FloatingIpView(f.path("id").asText(), pools.getOrDefault(network, network),
                device == null || device.isEmpty() ? null : device, f.path("floating_ip_address").asText(),
                f.path("fixed_ip_address").asText(null));
    }

    @Schema(name = "ComputeFloatingIpOne")
    public record One(@JsonProperty("floating_ip") FloatingIpView floatingIp) {
    }

    @Schema(name = "ComputeFloatingIpMany")
    public record Many(@JsonProperty("floating_ips") List<FloatingIpView> floatingIps) {
    }

    /** A pool: an external network, by name (its id when it has none). */
    @Schema(name = "ComputeFloatingIpPool")
    public record Pool(@JsonProperty("name") String name) {
    }

    @Schema(name = "ComputeFloatingIpPools")
    public record Pools(@JsonProperty("floating_ip_pools") List<Pool> floatingIpPools) {
    }
}
