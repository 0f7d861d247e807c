package io.strato.network.agent.model;

import java.util.List;
import java.util.UUID;

/** A subnet as DHCP needs it. */
public record SubnetInfo(UUID id, UUID networkId, int ipVersion, String cidr, String gatewayIp, boolean enableDhcp,
        List<String> dnsNameservers, List<HostRoute> hostRoutes, String ipv6AddressMode, String ipv6RaMode,
        long revision) {

    /** A {@code host_routes} entry. */
    public record HostRoute(String destination, String nexthop) {
    }
}
