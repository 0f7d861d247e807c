package io.strato.network.agents;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.network.api.ListRequest;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Neutron's agents API over the registry the heartbeats keep. {@code admin_state_up} and {@code description} are
 * an admin's; deleting an agent removes its row, and a live agent registers again (a new id) at its next heartbeat.
 */
@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final AgentRegistry registry;
    private final Lists lists;
    private final Policy policy;

    public AgentService(AgentRepository agents, AgentRegistry registry, Lists lists, Policy policy) {
        this.agents = agents;
        this.registry = registry;
        this.lists = lists;
        this.policy = policy;
    }

    /** Every agent for an admin; nothing at all for others (Neutron filters what {@code get_agent} refuses). */
    @WithSession
    public Uni<List<AgentView>> list(Caller caller, ListRequest request) {
        if (!mayRead(caller)) {
            return Uni.createFrom().item(List.of());
        }
        return AgentFilters.query(request, registry.aliveAfter())
                .map(q -> lists.fetch(NetworkAgent.class, q).map(rows -> rows.stream().map(this::view).toList()))
                .orElseGet(() -> Uni.createFrom().item(List.of()));
    }

    @WithSession
    public Uni<AgentView> show(Caller caller, UUID id) {
        return readable(caller, id).map(this::view);
    }

    @WithTransaction
    public Uni<AgentView> update(Caller caller, UUID id, AgentRequest.Update request) {
        return readable(caller, id).map(a -> {
            policy.enforce(AgentPolicies.UPDATE, caller, Map.of());
            request.adminStateUp().ifPresent(up -> a.adminStateUp = up);
            if (request.descriptionGiven()) {
                a.description = request.description();
            }
            return a;
        }).call(agents::flush).map(this::view);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return readable(caller, id).call(a -> {
            policy.enforce(AgentPolicies.DELETE, caller, Map.of());
            return agents.delete(a);
        }).replaceWithVoid();
    }

    /**
     * The agent, for a caller that may read agents. Others get Neutron's 404 for a resource policy hides, whether or
     * not the id exists.
     */
    private Uni<NetworkAgent> readable(Caller caller, UUID id) {
        if (!mayRead(caller)) {
            return Uni.createFrom().failure(new NotFound("The resource could not be found."));
        }
        return agents.findById(id).onItem().ifNull().failWith(() -> Neutron.notFound("Agent", id));
    }

    private boolean mayRead(Caller caller) {
        return policy.allowed(AgentPolicies.GET, caller, Map.of());
    }

    private AgentView view(NetworkAgent a) {
        return AgentView.of(a, registry.alive(a));
    }
}
