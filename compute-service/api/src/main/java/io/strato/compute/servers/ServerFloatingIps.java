package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.FloatingIps;
import io.strato.compute.clients.RemoteFailure;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Nova's addFloatingIp and removeFloatingIp (microversions below 2.44): the floating IP, found by its address
 * with the caller's token, is pointed at the server's fixed address (the one asked for, else its first IPv4) or
 * taken off it. Nova's answers: 400 for a server without fixed addresses or an association network-service
 * refuses, 404 for an unknown address, 409 to remove one the server does not have.
 */
@ApplicationScoped
public class ServerFloatingIps {
    private final ServerQueries queries;
    private final ServerRepository servers;
    private final Policy policy;
    private final FloatingIps floatingIps;

    ServerFloatingIps(ServerQueries queries, ServerRepository servers, Policy policy, FloatingIps floatingIps) {
        this.queries = queries;
        this.servers = servers;
        this.policy = policy;
        this.floatingIps = floatingIps;
    }

    private record Target(ServerPort port, String fixedAddress) {
    }

    public Uni<Void> add(Caller caller, String token, UUID id, String address, String fixedAddress) {
        return Panache.withSession(() -> queries.visible(caller, id, false).chain(s -> {
            policy.enforce(ServerPolicies.ADD_FLOATING_IP, caller, ServerPolicies.target(s.projectId, null));
            return servers.ports(s.id);
        })).map(ports -> target(id, address, fixedAddress, ports))
                .chain(t -> find(address, token).chain(fip -> floatingIps.associate(fip.id(), t.port().portId,
                                t.fixedAddress(), token)
                        .onFailure(RemoteFailure.class).transform(e -> refused((RemoteFailure) e, address,
                                t.fixedAddress(), id))));
    }

    public Uni<Void> remove(Caller caller, String token, UUID id, String address) {
        return find(address, token).chain(fip -> Panache.withSession(() -> holder(fip.portId())).chain(holder -> {
            // Nova's target: the project of the server that has the floating IP, else the caller's own
            String project = holder == null ? caller.projectId() : holder.projectId;
            policy.enforce(ServerPolicies.REMOVE_FLOATING_IP, caller, ServerPolicies.target(project, null));
            if (holder == null || !holder.id.equals(id)) {
                throw new Conflict("Floating IP " + address + " is not associated with instance " + id + ".");
            }
            return floatingIps.associate(fip.id(), null, null, token).onFailure(RemoteFailure.class)
                    .transform(e -> refused((RemoteFailure) e, address, null, id));
        }));
    }

    /** The server's port and fixed address the floating IP goes to, as Nova picks them. */
    private static Target target(UUID id, String address, String fixedAddress, List<ServerPort> ports) {
        if (ports.isEmpty()) {
            throw new InvalidInput("Instance network is not ready yet");
        }
        if (ports.stream().allMatch(p -> p.fixedIps.isEmpty())) {
            throw new InvalidInput("No fixed IPs associated to instance");
        }
        for (ServerPort p : ports) {
            for (ServerPort.Address a : p.fixedIps) {
                boolean wanted = fixedAddress == null ? a.version() == 4 : a.ipAddress().equals(fixedAddress);
                if (wanted) {
                    return new Target(p, a.ipAddress());
                }
            }
        }
        if (fixedAddress != null) {
            throw new InvalidInput("Specified fixed address not assigned to instance");
        }
        throw new InvalidInput("Unable to associate floating IP " + address + " to any fixed IPs for instance " + id
                + ". Instance has no fixed IPv4 addresses to associate.");
    }

    private Uni<FloatingIps.FloatingIp> find(String address, String token) {
        return floatingIps.byAddress(address, token).map(found -> {
            if (found.isEmpty()) {
                throw new NotFound("Floating IP not found for address " + address + ".");
            }
            if (found.size() > 1) {
                throw new Conflict("Multiple floating IPs are found for address " + address + ".");
            }
            return found.get(0);
        });
    }

    /** The server whose port holds the floating IP, or null when it is on no server's port (or on none). */
    private Uni<Server> holder(UUID portId) {
        if (portId == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select p.serverId from ServerPort p where p.portId = :port", UUID.class)
                .setParameter("port", portId).setMaxResults(1).getSingleResultOrNull())
                .chain(serverId -> serverId == null ? Uni.createFrom().nullItem() : servers.findById(serverId));
    }

    private static RuntimeException refused(RemoteFailure f, String address, String fixedAddress, UUID id) {
        return switch (f.status()) {
            case 404 -> new NotFound("floating IP not found");
            case 403 -> new Forbidden(f.getMessage());
            case 0 -> new Unavailable(f.getMessage());
            default -> new InvalidInput(fixedAddress == null
                    ? "Unable to disassociate floating IP " + address + " from instance " + id + ". Error: " + f.getMessage()
                    : "Unable to associate floating IP " + address + " to fixed IP " + fixedAddress + " for instance "
                    + id + ". Error: " + f.getMessage());
        };
    }
}
