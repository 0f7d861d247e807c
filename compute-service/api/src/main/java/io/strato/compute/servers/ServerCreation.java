package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.flavors.Flavors;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Server create. It checks everything it can before answering (flavor, image, networks, security groups,
 * then in the storing transaction key pair, zone, quota, server group), stores the servers in BUILD and
 * leaves the rest to the saga worker, woken once the rows are committed.
 */
@ApplicationScoped
public class ServerCreation {
    private final Flavors flavors;
    private final CreateValidation validation;
    private final NewServers rows;
    private final PendingWork worker;
    private final Policy policy;

    ServerCreation(Flavors flavors, CreateValidation validation, NewServers rows, PendingWork worker, Policy policy) {
        this.flavors = flavors;
        this.validation = validation;
        this.rows = rows;
        this.worker = worker;
        this.policy = policy;
    }

    /** The first server made, its admin password, and how many were made. */
    public record Created(Server first, String adminPass, int count) {
    }

    public Uni<Created> create(Caller caller, String token, String requestId, CreateRequest req) {
        if (caller.projectId() == null) {
            throw new Forbidden("Creating a server needs a project-scoped token.");
        }
        String zone = zone(caller, req.availabilityZone());
        if (req.requestedHost() != null || req.requestedNode() != null) { // 2.74
            policy.enforce(ServerPolicies.CREATE_REQUESTED_DESTINATION, caller, ServerPolicies.target(caller.projectId(), caller.userId()));
            if (req.availabilityZone() != null && req.availabilityZone().contains(":")) {
                throw new InvalidInput("One mechanism with host and/or hypervisor_hostname and another mechanism with"
                        + " zone:host:node are mutually exclusive.");
            }
        }
        return Panache.withSession(() -> flavors.resolve(req.flavorRef(), caller))
                .chain(flavor -> validation.check(caller, token, req, flavor)
                        .chain(checked -> Panache.withTransaction(() -> rows.store(caller, requestId, req, flavor, checked, zone))))
                .invoke(worker::wake);
    }

    /**
     * The zone of Nova's {@code zone[:host[:node]]}, to check it exists; naming a host (forced placement,
     * passed on to the scheduler) is for admins only.
     */
    private String zone(Caller caller, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        int colon = requested.indexOf(':');
        if (colon < 0) {
            return requested;
        }
        policy.enforce(ServerPolicies.CREATE_FORCED_HOST, caller, Map.of());
        String zone = requested.substring(0, colon);
        return zone.isBlank() ? null : zone;
    }
}
