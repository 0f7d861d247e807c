package io.strato.compute.servergroups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Server group membership for server creates (the {@code group} scheduler hint). */
@ApplicationScoped
public class ServerGroups {
    private final ComputeQuota quota;
    private final Policy policy;

    public ServerGroups(ComputeQuota quota, Policy policy) {
        this.quota = quota;
        this.policy = policy;
    }

    /**
     * Adds a server to a group inside the create's transaction: locks the group's row (so members of one group
     * are added, and placed, one at a time), checks the caller may use it (their project's group, or any for an
     * admin; else 400 "Invalid server group ..."), enforces {@code server_group_members} (403) and inserts the
     * membership. The server row must already be written (flushed) in this transaction.
     */
    public Uni<ServerGroupRef> addMember(UUID groupId, UUID serverId, Caller caller) {
        boolean admin = NovaBaseRules.isAdmin(policy, caller);
        return Panache.getSession().flatMap(s -> s.find(ServerGroup.class, groupId, org.hibernate.LockMode.PESSIMISTIC_WRITE))
                .flatMap(g -> {
                    if (g == null || !(admin || g.projectId.equals(caller.projectId()))) {
                        return Uni.createFrom().failure(new InvalidInput("Invalid server group: instance group " + groupId
                                + " could not be found."));
                    }
                    return quota.checkGroupMember(g.id, g.projectId)
                            .chain(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                            "INSERT INTO server_group_member (group_id, server_id) VALUES (:g, :s) ON CONFLICT DO NOTHING")
                                    .setParameter("g", g.id).setParameter("s", serverId).executeUpdate()))
                            .map(n -> new ServerGroupRef(g.id, g.policy, g.maxServerPerHost()));
                });
    }
}
