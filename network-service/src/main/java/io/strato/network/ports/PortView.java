package io.strato.network.ports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.network.api.Link;
import io.strato.network.api.StandardAttributes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A port in Neutron's JSON. The binding details (host, vif type and details, profile) are shown to
 * admins only, as Neutron's {@code get_port:binding:*} rules do; everyone sees {@code binding:vnic_type}.
 * Events carry the admin's view.
 */
public record PortView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("network_id") String networkId,
        @JsonProperty("admin_state_up") boolean adminStateUp,
        @JsonProperty("mac_address") String macAddress,
        @JsonProperty("fixed_ips") List<FixedIpView> fixedIps,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("device_owner") String deviceOwner,
        @JsonProperty("status") String status,
        @JsonProperty("port_security_enabled") boolean portSecurityEnabled,
        @JsonProperty("security_groups") List<String> securityGroups,
        @JsonProperty("allowed_address_pairs") List<AddressPair> allowedAddressPairs,
        @JsonProperty("extra_dhcp_opts") List<ExtraDhcpOpt> extraDhcpOpts,
        @JsonProperty("dns_name") String dnsName,
        @JsonProperty(PortRequest.VNIC) String vnicType,
        /* null (and left out) for non-admins */
        @JsonUnwrapped BindingView binding,
        @JsonUnwrapped StandardAttributes standard) {

    public static PortView of(PortDetails d, boolean admin) {
        return of(d.port(), d.fixedIps(), d.securityGroups(), admin);
    }

    public static PortView of(Port p, List<FixedIp> fixedIps, List<UUID> securityGroups, boolean admin) {
        return new PortView(p.id.toString(), p.name, p.networkId.toString(), p.adminStateUp, p.macAddress,
                fixedIps.stream().map(ip -> new FixedIpView(ip.subnetId().toString(), ip.ipAddress())).toList(),
                p.deviceId, p.deviceOwner, p.status, p.portSecurityEnabled,
                securityGroups.stream().map(UUID::toString).toList(),
                p.allowedAddressPairs == null ? null
                        : p.allowedAddressPairs.stream().map(a -> new AddressPair(a.get("ip_address"), a.get("mac_address"))).toList(),
                p.extraDhcpOpts == null ? List.of() : p.extraDhcpOpts, p.dnsName, p.bindingVnicType,
                admin ? new BindingView(p.bindingHostId, p.bindingVifType, p.bindingVifDetails, p.bindingProfile) : null,
                StandardAttributes.of(p.projectId, p.description, p.tags, p.createdAt, p.updatedAt, p.revisionNumber));
    }

    /** An address the port holds: {@code {"subnet_id": ..., "ip_address": ...}}. */
    public record FixedIpView(@JsonProperty("subnet_id") String subnetId, @JsonProperty("ip_address") String ipAddress) {
    }

    /** Another address (or CIDR) the port may send from, and its MAC (the port's unless given). */
    public record AddressPair(@JsonProperty("ip_address") String ipAddress,
                              @JsonProperty("mac_address") @JsonInclude(JsonInclude.Include.NON_NULL) String macAddress) {
    }

    /** The admin-only binding attributes; vif details and profile are free-form, as the mechanism drivers fill them. */
    public record BindingView(@JsonProperty(PortRequest.HOST) String hostId,
                              @JsonProperty("binding:vif_type") String vifType,
                              @JsonProperty("binding:vif_details") Map<String, Object> vifDetails,
                              @JsonProperty(PortRequest.PROFILE) Map<String, Object> profile) {
    }

    /** {@code {"port": {...}}} */
    @Schema(name = "PortResponse")
    public record One(@JsonProperty("port") PortView port) {
    }

    /** {@code {"ports": [...], "ports_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "PortListResponse")
    public record Many(@JsonProperty("ports") List<PortView> ports,
                       @JsonProperty("ports_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> portsLinks) {
    }
}
