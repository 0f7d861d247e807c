package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What binding a port to a host means for its status, once {@link Binding} has set the binding: on a host whose
 * network agent is alive the port is DOWN until the agent reports it made (then ACTIVE); on a host whose agent is
 * silent the binding fails ({@code binding:vif_type binding_failed}, DOWN), as Neutron says when no agent can
 * bind; a host that never had an agent (a simulated one) keeps the old rule: ACTIVE when bound and up. Router ports
 * (bound to their router's host) follow the same rule; a router port unbound from its host goes DOWN (no host serves
 * it any more). Floating IP ports are never bound.
 */
@ApplicationScoped
public class HostBindings {

    static final String BINDING_FAILED = "binding_failed";

    private final HostLiveness liveness;

    HostBindings(HostLiveness liveness) {
        this.liveness = liveness;
    }

    /** Settles the status of {@code p} after a create or update; {@code hostBefore}/{@code statusBefore}: before it. */
    Uni<Void> settle(Port p, String hostBefore, String statusBefore) {
        if (p.floatingIpPort()) {
            return Uni.createFrom().voidItem();
        }
        if (p.bindingHostId.isEmpty()) {
            if (p.routerPort() && hostBefore != null && !hostBefore.isEmpty()) {
                p.status = "DOWN";
            }
            return Uni.createFrom().voidItem();
        }
        return liveness.agentOf(p.bindingHostId).invoke(agent -> {
            switch (agent) {
                case NONE -> {
                    // Binding.refreshStatus's rule stands
                }
                case ALIVE -> {
                    boolean sameHost = p.bindingHostId.equals(hostBefore);
                    p.status = sameHost && "ACTIVE".equals(statusBefore) && p.adminStateUp ? "ACTIVE" : "DOWN";
                }
                case DEAD -> {
                    p.bindingVifType = BINDING_FAILED;
                    p.status = "DOWN";
                }
            }
        }).replaceWithVoid();
    }
}
