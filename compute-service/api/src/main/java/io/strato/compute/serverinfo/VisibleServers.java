package io.strato.compute.serverinfo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.servers.RequestContext;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerPolicies;
import io.strato.compute.servers.ServerQueries;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

/** The server of a sub-resource's path, if the caller may see it (404 otherwise) and {@code rule} allows them (403). */
@ApplicationScoped
public class VisibleServers {
    private final ServerQueries servers;
    private final Policy policy;

    public VisibleServers(ServerQueries servers, Policy policy) {
        this.servers = servers;
        this.policy = policy;
    }

    public Uni<Void> check(Caller caller, String id, String rule) {
        return find(caller, id, rule).replaceWithVoid();
    }

    /** As {@link #check}, with the server. */
    public Uni<Server> find(Caller caller, String id, String rule) {
        return Panache.withSession(() -> servers.visible(caller, RequestContext.serverId(id), false))
                .invoke(s -> policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null)));
    }
}
