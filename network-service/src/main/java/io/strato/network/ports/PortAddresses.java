package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Address;
import io.strato.network.ipam.AddressSpace;
import io.strato.network.ipam.Ipam;
import io.strato.network.subnets.Subnet;
import io.strato.network.subnets.SubnetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A port's MAC and fixed IPs: a fresh or checked MAC, addresses allocated, replaced and released
 * through IPAM (which takes the subnets' locks). Runs in the caller's session.
 */
@ApplicationScoped
public class PortAddresses {
    private final SubnetRepository subnets;
    private final Ipam ipam;
    private final Macs macs;

    public PortAddresses(SubnetRepository subnets, Ipam ipam, Macs macs) {
        this.subnets = subnets;
        this.ipam = ipam;
        this.macs = macs;
    }

    /** Gives a new port a fresh MAC, or checks the one it was given is free on its network. */
    Uni<Void> assignMac(Mutiny.Session s, Port p) {
        return p.macAddress == null ? macs.fresh(s, p.networkId).invoke(m -> p.macAddress = m).replaceWithVoid()
                : macs.checkFree(s, p.networkId, p.macAddress);
    }

    /** Changes the MAC of a port no host has bound yet (409 PortBound otherwise), checked free on its network. */
    Uni<Void> changeMac(Mutiny.Session s, Port p, String mac) {
        if (!p.bindingHostId.isEmpty()) {
            throw Neutron.conflict("PortBound", "Unable to complete operation on port " + p.id + ", port is already bound, "
                    + "port type: " + p.bindingVifType + ", old_mac " + p.macAddress + ", new_mac " + mac + ".");
        }
        return macs.checkFree(s, p.networkId, mac).invoke(() -> p.macAddress = mac);
    }

    /** The address spaces of the network's subnets. Reads only: no lock. */
    Uni<List<AddressSpace>> spaces(UUID networkId) {
        return subnets.ofNetwork(networkId).map(subs -> subs.stream().map(Subnet::space).toList());
    }

    /** Allocates the requested addresses (or one per subnet IPAM picks) to the stored port {@code p}. */
    Uni<List<FixedIp>> allocate(Mutiny.Session s, List<AddressSpace> spaces, List<FixedIpRequest> requested, Port p) {
        return ipam.allocate(s, p.networkId, spaces, addresses(requested), p.id, p.macAddress, p.deviceOwner)
                .map(PortAddresses::fixedIps);
    }

    /** Replaces the port's addresses with the requested ones. */
    Uni<Void> replace(Mutiny.Session s, Port p, List<FixedIpRequest> requested, String deviceOwner) {
        return spaces(p.networkId).flatMap(spaces -> ipam.replace(s, p.networkId, spaces, addresses(requested), p.id,
                p.macAddress, deviceOwner)).replaceWithVoid();
    }

    Uni<Void> release(Mutiny.Session s, UUID portId) {
        return ipam.release(s, portId);
    }

    Uni<List<FixedIp>> ofPort(Mutiny.Session s, UUID portId) {
        return ipam.ofPort(s, portId).map(PortAddresses::fixedIps);
    }

    static List<FixedIp> fixedIps(List<Address> addresses) {
        return addresses.stream().map(a -> new FixedIp(a.subnetId(), a.ip())).toList();
    }

    private static List<Address> addresses(List<FixedIpRequest> fixedIps) {
        return fixedIps == null ? List.of() : fixedIps.stream().map(f -> new Address(f.subnetId(), f.ipAddress())).toList();
    }
}
