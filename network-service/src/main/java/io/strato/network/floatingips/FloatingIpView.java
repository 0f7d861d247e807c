package io.strato.network.floatingips;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import io.strato.network.routers.Topology;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A floating IP in Neutron's JSON shape, with fip-port-details' {@code port_details}. */
public record FloatingIpView(
        @JsonProperty("id") String id,
        @JsonProperty("floating_ip_address") String floatingIpAddress,
        @JsonProperty("floating_network_id") String floatingNetworkId,
        @JsonProperty("router_id") String routerId,
        @JsonProperty("port_id") String portId,
        @JsonProperty("fixed_ip_address") String fixedIpAddress,
        @JsonProperty("status") String status,
        @JsonProperty("port_details") PortDetails portDetails,
        @JsonUnwrapped StandardAttributes standard) {

    /** @param port the associated port, or null */
    public static FloatingIpView of(FloatingIp f, Topology.PortRow port) {
        return new FloatingIpView(f.id.toString(), f.floatingIpAddress, f.floatingNetworkId.toString(),
                f.routerId == null ? null : f.routerId.toString(), f.portId == null ? null : f.portId.toString(),
                f.fixedIpAddress, f.status, port == null ? null : PortDetails.of(port),
                StandardAttributes.of(f.projectId, f.description, f.tags, f.createdAt, f.updatedAt, f.revisionNumber));
    }

    /** The associated port as fip-port-details shows it (null when not associated). */
    @Schema(name = "FloatingIpPortDetails")
    public record PortDetails(@JsonProperty("name") String name,
                              @JsonProperty("network_id") String networkId,
                              @JsonProperty("mac_address") String macAddress,
                              @JsonProperty("admin_state_up") boolean adminStateUp,
                              @JsonProperty("status") String status,
                              @JsonProperty("device_id") String deviceId,
                              @JsonProperty("device_owner") String deviceOwner) {
        static PortDetails of(Topology.PortRow p) {
            return new PortDetails(p.name(), p.networkId().toString(), p.macAddress(), p.adminStateUp(), p.status(),
                    p.deviceId(), p.deviceOwner());
        }
    }

    /** {@code {"floatingip": {...}}} */
    @Schema(name = "FloatingIpResponse")
    public record One(@JsonProperty("floatingip") FloatingIpView floatingip) {
    }

    /** {@code {"floatingips": [...], "floatingips_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "FloatingIpListResponse")
    public record Many(@JsonProperty("floatingips") List<FloatingIpView> floatingips,
                       @JsonProperty("floatingips_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> floatingipsLinks) {
    }
}
