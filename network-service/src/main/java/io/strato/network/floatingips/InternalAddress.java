package io.strato.network.floatingips;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.strato.network.routers.Topology;
import java.util.List;
import java.util.UUID;

/**
 * Which fixed address of a port a floating IP maps to (Neutron's {@code _internal_fip_assoc_data}):
 * the one asked for, which must be an IPv4 address of the port, or else the port's only IPv4 address.
 */
final class InternalAddress {
    private InternalAddress() {
    }

    static Topology.Address choose(UUID portId, List<Topology.Address> addresses, String requested) {
        if (requested != null) {
            IPAddress wanted = new IPAddressString(requested).getAddress();
            if (wanted == null || !wanted.isIPv4()) {
                throw FloatingIpRequest.bad("Cannot process floating IP association with " + requested
                        + ", since that is not an IPv4 address");
            }
            return addresses.stream().filter(a -> wanted.equals(new IPAddressString(a.ipAddress()).getAddress()))
                    .findFirst()
                    .orElseThrow(() -> FloatingIpRequest.bad("Port " + portId + " does not have fixed ip " + requested));
        }
        List<Topology.Address> v4 = addresses.stream().filter(a -> new IPAddressString(a.ipAddress()).isIPv4()).toList();
        if (v4.isEmpty()) {
            throw FloatingIpRequest.bad("Cannot add floating IP to port " + portId + " that has no fixed IPv4 addresses");
        }
        if (v4.size() > 1) {
            throw FloatingIpRequest.bad("Port " + portId + " has multiple fixed IPv4 addresses.  Must provide a specific "
                    + "IPv4 address when assigning a floating IP");
        }
        return v4.get(0);
    }
}
