package io.strato.network.routers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A router in Neutron's JSON shape (the inner object of {@code {"router": {...}}}). */
public record RouterView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("admin_state_up") boolean adminStateUp,
        @JsonProperty("external_gateway_info") GatewayInfo externalGatewayInfo,
        @JsonProperty("routes") List<Route> routes,
        @JsonProperty("distributed") boolean distributed,
        @JsonProperty("ha") boolean ha,
        @JsonProperty("availability_zone_hints") List<String> availabilityZoneHints,
        @JsonProperty("availability_zones") List<String> availabilityZones,
        @JsonProperty("flavor_id") String flavorId,
        @JsonUnwrapped StandardAttributes standard) {

    /** @param gatewayIps the addresses of the router's gateway port (empty without a gateway) */
    public static RouterView of(Router r, List<Topology.Address> gatewayIps) {
        return new RouterView(r.id.toString(), r.name, r.status, r.adminStateUp, GatewayInfo.of(r, gatewayIps),
                r.routes == null ? List.of() : r.routes.stream().map(Route::of).toList(), false, false,
                List.of(), List.of(), null,
                StandardAttributes.of(r.projectId, r.description, r.tags, r.createdAt, r.updatedAt, r.revisionNumber));
    }

    /** The router's way out: the external network, SNAT, and the gateway port's addresses (null without a gateway). */
    public record GatewayInfo(@JsonProperty("network_id") String networkId,
                              @JsonProperty("enable_snat") boolean enableSnat,
                              @JsonProperty("external_fixed_ips") List<ExternalFixedIp> externalFixedIps) {
        static GatewayInfo of(Router r, List<Topology.Address> ips) {
            return r.gwNetworkId == null ? null : new GatewayInfo(r.gwNetworkId.toString(), r.enableSnat,
                    ips.stream().map(a -> new ExternalFixedIp(a.subnetId().toString(), a.ipAddress())).toList());
        }
    }

    /** An address of the gateway port. */
    public record ExternalFixedIp(@JsonProperty("subnet_id") String subnetId, @JsonProperty("ip_address") String ipAddress) {
    }

    /** A static route (extraroute): {@code {"destination": cidr, "nexthop": ip}}. */
    public record Route(@JsonProperty("destination") String destination, @JsonProperty("nexthop") String nexthop) {
        static Route of(Map<String, String> stored) {
            return new Route(stored.get("destination"), stored.get("nexthop"));
        }
    }

    /** The answer of add/remove_router_interface (and its event): the router, and the port joining it to the subnets. */
    @Schema(name = "RouterInterfaceInfo")
    public record InterfaceInfo(@JsonProperty("id") String id,
                                @JsonProperty("tenant_id") String tenantId,
                                @JsonProperty("project_id") String projectId,
                                @JsonProperty("port_id") String portId,
                                @JsonProperty("network_id") String networkId,
                                @JsonProperty("subnet_id") String subnetId,
                                @JsonProperty("subnet_ids") List<String> subnetIds) {
    }

    public static InterfaceInfo interfaceInfo(Router r, String portProjectId, UUID portId, UUID networkId,
                                              List<UUID> subnetIds) {
        return new InterfaceInfo(r.id.toString(), portProjectId, portProjectId, portId.toString(), networkId.toString(),
                subnetIds.isEmpty() ? null : subnetIds.get(subnetIds.size() - 1).toString(),
                subnetIds.stream().map(UUID::toString).toList());
    }

    /** {@code {"router": {...}}} */
    @Schema(name = "RouterResponse")
    public record One(@JsonProperty("router") RouterView router) {
    }

    /** {@code {"routers": [...], "routers_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "RouterListResponse")
    public record Many(@JsonProperty("routers") List<RouterView> routers,
                       @JsonProperty("routers_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> routersLinks) {
    }
}
