package io.strato.network.agent.model;

import java.util.List;
import java.util.UUID;

/**
 * A port as the data plane sees it (the API's JSON as an admin reads it, reduced to what matters here).
 *
 * @param hostId     {@code binding:host_id}, empty when unbound
 * @param bridgeName {@code binding:vif_details.bridge_name}, null when unbound
 * @param projectId  the owner's project ({@code project_id}), which the metadata proxy passes on
 * @param status     {@code ACTIVE} or {@code DOWN} as network-service last said (the agent reports ports it made)
 * @param extraDhcpOpts the port's {@code extra_dhcp_opts}, which this host's dnsmasq hands to the port alone
 */
public record PortInfo(UUID id, UUID networkId, String macAddress, List<FixedIp> fixedIps, List<UUID> securityGroups,
        List<AddressPair> allowedAddressPairs, boolean portSecurityEnabled, String hostId, String bridgeName,
        String deviceOwner, String deviceId, boolean adminStateUp, String dnsName, String projectId, String status,
        long revision, List<DhcpOption> extraDhcpOpts) {

    /** A port without DHCP options of its own. */
    public PortInfo(UUID id, UUID networkId, String macAddress, List<FixedIp> fixedIps, List<UUID> securityGroups,
            List<AddressPair> allowedAddressPairs, boolean portSecurityEnabled, String hostId, String bridgeName,
            String deviceOwner, String deviceId, boolean adminStateUp, String dnsName, String projectId, String status,
            long revision) {
        this(id, networkId, macAddress, fixedIps, securityGroups, allowedAddressPairs, portSecurityEnabled, hostId,
                bridgeName, deviceOwner, deviceId, adminStateUp, dnsName, projectId, status, revision, List.of());
    }

    /** The same port with other DHCP options. */
    public PortInfo withExtraDhcpOpts(List<DhcpOption> options) {
        return new PortInfo(id, networkId, macAddress, fixedIps, securityGroups, allowedAddressPairs, portSecurityEnabled,
                hostId, bridgeName, deviceOwner, deviceId, adminStateUp, dnsName, projectId, status, revision,
                List.copyOf(options));
    }

    public record FixedIp(UUID subnetId, String ipAddress) {
    }

    /** An {@code extra_dhcp_opts} entry: a dnsmasq option name or number and its value, for DHCPv4 or DHCPv6. */
    public record DhcpOption(String name, String value, int ipVersion) {
    }

    /** An {@code allowed_address_pairs} entry: an address or CIDR, and a MAC (the port's when none was given). */
    public record AddressPair(String ipAddress, String macAddress) {
    }

    /** Ports that belong to the network service itself (DHCP, routers, floating IPs) are never filtered. */
    public boolean networkOwned() {
        return deviceOwner != null && deviceOwner.startsWith("network:");
    }

    public boolean boundTo(String host) {
        return host.equals(hostId);
    }

    /** Nova's tap name for this port: {@code tap} and the first 11 characters of its id (15 in all, IFNAMSIZ-safe). */
    public String tapName() {
        return "tap" + id.toString().substring(0, 11);
    }
}
