package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.Neutron;
import io.strato.network.networks.Network;
import io.strato.network.networks.NetworkRepository;
import io.strato.network.networks.NetworkService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who may see which port and network, and the port policy rules of a request. */
@ApplicationScoped
public class PortAccess {
    private final PortRepository ports;
    private final NetworkRepository networks;
    private final NetworkService networkService;
    private final Policy policy;

    public PortAccess(PortRepository ports, NetworkRepository networks, NetworkService networkService, Policy policy) {
        this.ports = ports;
        this.networks = networks;
        this.networkService = networkService;
        this.policy = policy;
    }

    public boolean isAdmin(Caller caller) {
        return networkService.isAdmin(caller);
    }

    /** The port if the caller may see it (admin or its project), else 404 PortNotFound; locked when {@code lock} is set. */
    Uni<Port> visible(Caller caller, UUID id, LockModeType lock) {
        Uni<Port> found = lock == null ? ports.findById(id) : ports.findById(id, lock);
        return found.map(p -> {
            if (p == null || !(isAdmin(caller) || p.projectId.equals(caller.projectId()))) {
                throw Neutron.notFound("Port", id);
            }
            return p;
        });
    }

    /** The port whoever asks (another feature's internal call), else 404 PortNotFound. */
    Uni<Port> port(UUID id) {
        return ports.findById(id).onItem().ifNull().failWith(() -> Neutron.notFound("Port", id));
    }

    /** The network if the caller may see it, else 404 NetworkNotFound; locked when {@code lock} is set. */
    Uni<Network> network(Caller caller, UUID id, LockModeType lock) {
        return networkService.visible(caller, id, lock);
    }

    /** The network whoever asks, else 404 NetworkNotFound. */
    Uni<Network> network(UUID id) {
        return networks.findById(id).onItem().ifNull().failWith(() -> Neutron.notFound("Network", id));
    }

    void enforce(String rule, Caller caller, Map<String, Object> target) {
        policy.enforce(rule, caller, target);
    }

    /** The operation's rule, then the attribute rules of the attributes the request sets. */
    void enforce(String op, Caller caller, Map<String, Object> target, PortRequest r) {
        policy.enforce(op, caller, target);
        if (r.macAddress().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, "mac_address"), caller, target);
        }
        for (FixedIpRequest f : r.fixedIps().orElse(List.of())) {
            policy.enforce(PortPolicies.attribute(op, f.ipAddress() != null ? "fixed_ips:ip_address" : "fixed_ips:subnet_id"), caller, target);
        }
        if (r.deviceOwner().map(o -> o.startsWith("network:")).orElse(false)) {
            policy.enforce(PortPolicies.attribute(op, "device_owner"), caller, target);
        }
        if (r.portSecurityEnabled().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, "port_security_enabled"), caller, target);
        }
        if (!r.allowedAddressPairs().orElse(List.of()).isEmpty()) {
            policy.enforce(PortPolicies.attribute(op, "allowed_address_pairs"), caller, target);
        }
        if (r.hostId().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, PortRequest.HOST), caller, target);
        }
        if (r.profile().isPresent()) {
            policy.enforce(PortPolicies.attribute(op, PortRequest.PROFILE), caller, target);
        }
    }
}
