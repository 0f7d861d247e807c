package io.strato.network.l3agents;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Ids;
import io.strato.network.agents.AgentRegistry;
import io.strato.network.agents.AgentRepository;
import io.strato.network.agents.AgentView;
import io.strato.network.agents.NetworkAgent;
import io.strato.network.api.Neutron;
import io.strato.network.routers.L3NotFound;
import io.strato.network.routers.Router;
import io.strato.network.routers.RouterAccess;
import io.strato.network.routers.RouterRepository;
import io.strato.network.routers.RouterView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Neutron's l3_agent_scheduler calls ({@code neutron/db/l3_agentschedulers_db.py}), with its answers: the agent of a
 * router's host, the routers of an agent's host, and an admin's manual scheduling (a router lives on one agent).
 */
@ApplicationScoped
public class L3AgentSchedulerService {

    private final AgentRepository agents;
    private final AgentRegistry registry;
    private final RouterRepository routers;
    private final RouterAccess access;
    private final L3AgentScheduler scheduler;
    private final Policy policy;

    L3AgentSchedulerService(AgentRepository agents, AgentRegistry registry, RouterRepository routers, RouterAccess access,
                            L3AgentScheduler scheduler, Policy policy) {
        this.agents = agents;
        this.registry = registry;
        this.routers = routers;
        this.access = access;
        this.scheduler = scheduler;
        this.policy = policy;
    }

    /** The agent hosting the router: none while it is unscheduled, and none for an unknown router (as Neutron). */
    @WithSession
    public Uni<List<AgentView>> agentsHosting(Caller caller, String routerId) {
        policy.enforce(L3AgentSchedulerPolicies.GET_AGENTS, caller, Map.of());
        UUID id = Ids.parse(routerId).orElse(null);
        if (id == null) {
            return Uni.createFrom().item(List.of());
        }
        return routers.findById(id).flatMap(r -> r == null || r.host == null ? Uni.createFrom().item(List.of())
                : agents.find("host", r.host).firstResult()
                .map(a -> a == null ? List.<AgentView>of() : List.of(AgentView.of(a, registry.alive(a)))));
    }

    /** The routers the agent's host hosts, oldest first; 404 AgentNotFound for an unknown agent. */
    @WithSession
    public Uni<List<RouterView>> routersOn(Caller caller, String agentId) {
        policy.enforce(L3AgentSchedulerPolicies.GET_ROUTERS, caller, Map.of());
        return agent(agentId).flatMap(a -> routers.list("host = ?1 order by createdAt, id", a.host)).flatMap(access::views);
    }

    /**
     * Schedules the router to the agent's host, or moves it there from another agent's, and binds its ports there.
     * Already there: nothing changes. A disabled agent is Neutron's 404 {@code InvalidL3Agent}. Neutron refuses to
     * move a legacy router this way (409 {@code RouterHostedByL3Agent}: remove it from its agent first); Strato moves
     * it in the one call, so that an admin can take a router off a dead agent at once.
     */
    @WithTransaction
    public Uni<Void> add(Caller caller, String agentId, String routerId) {
        policy.enforce(L3AgentSchedulerPolicies.ADD_ROUTER, caller, Map.of());
        return router(routerId).flatMap(r -> agent(agentId).flatMap(a -> {
            if (!a.adminStateUp) {
                throw new L3NotFound("InvalidL3Agent", "Agent " + a.id + " is not a L3 Agent or has been disabled");
            }
            if (a.host.equals(r.host)) {
                return Uni.createFrom().voidItem();
            }
            r.host = a.host;
            r.autoSchedule = true;
            return scheduler.bindPorts(r);
        }));
    }

    /**
     * Unschedules the router from the agent: its ports are unbound, and the heartbeats leave it alone until it is
     * added again or gains a port. A router the agent does not host is left as it is (204, as Neutron).
     */
    @WithTransaction
    public Uni<Void> remove(Caller caller, String agentId, String routerId) {
        policy.enforce(L3AgentSchedulerPolicies.REMOVE_ROUTER, caller, Map.of());
        return agent(agentId).flatMap(a -> router(routerId).flatMap(r -> {
            if (!a.host.equals(r.host)) {
                return Uni.createFrom().voidItem();
            }
            r.host = null;
            r.autoSchedule = false;
            return scheduler.bindPorts(r);
        }));
    }

    private Uni<NetworkAgent> agent(String given) {
        UUID id = Ids.orNotFound(given, () -> Neutron.notFound("Agent", given));
        return agents.findById(id).onItem().ifNull().failWith(() -> Neutron.notFound("Agent", id));
    }

    /** The router locked FOR UPDATE (as every change of a router), or 404 RouterNotFound. */
    private Uni<Router> router(String given) {
        UUID id = Ids.orNotFound(given, () -> Neutron.notFound("Router", given));
        return routers.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> Neutron.notFound("Router", id));
    }
}
