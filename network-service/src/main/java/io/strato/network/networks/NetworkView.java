package io.strato.network.networks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A network in Neutron's JSON; the provider attributes are shown to admins only (and events carry them). */
public record NetworkView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("admin_state_up") boolean adminStateUp,
        @JsonProperty("status") String status,
        @JsonProperty("subnets") List<String> subnets,
        @JsonProperty("shared") boolean shared,
        @JsonProperty("router:external") boolean routerExternal,
        @JsonProperty("mtu") int mtu,
        @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
        @JsonProperty("availability_zone_hints") List<String> availabilityZoneHints,
        @JsonProperty("availability_zones") List<String> availabilityZones,
        @JsonProperty("ipv4_address_scope") String ipv4AddressScope,
        @JsonProperty("ipv6_address_scope") String ipv6AddressScope,
        @JsonProperty("l2_adjacency") boolean l2Adjacency,
        /* null (and left out) for non-admins */
        @JsonUnwrapped ProviderView provider,
        @JsonUnwrapped StandardAttributes standard) {

    public static NetworkView of(Network n, List<UUID> subnets, boolean admin) {
        return new NetworkView(n.id.toString(), n.name, n.adminStateUp, n.status,
                subnets.stream().map(UUID::toString).toList(), n.shared, n.routerExternal, n.mtu, n.portSecurityEnabled,
                List.of(), List.of(), null, null, true,
                admin ? new ProviderView(n.networkType, n.physicalNetwork, n.segmentationId) : null,
                StandardAttributes.of(n.projectId, n.description, n.tags, n.createdAt, n.updatedAt, n.revisionNumber));
    }

    /** The segment the network is on (provider extension), admin-only. */
    public record ProviderView(@JsonProperty(NetworkRequest.TYPE) String networkType,
                               @JsonProperty(NetworkRequest.PHYSNET) String physicalNetwork,
                               @JsonProperty(NetworkRequest.SEGMENT) Integer segmentationId) {
    }

    /** {@code {"network": {...}}} */
    @Schema(name = "NetworkResponse")
    public record One(@JsonProperty("network") NetworkView network) {
    }

    /** {@code {"networks": [...], "networks_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "NetworkListResponse")
    public record Many(@JsonProperty("networks") List<NetworkView> networks,
                       @JsonProperty("networks_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> networksLinks) {
    }
}
