package io.strato.identity.groups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@code GET /v3/users/{id}/groups}: the groups a user belongs to (a user may list their own). */
@Path("/v3/users/{id}/groups")
@Authenticated
public class GroupsOfUserResource {
    private final MembershipService memberships;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public GroupsOfUserResource(MembershipService memberships, Policy policy, CurrentCaller caller, Links links) {
        this.memberships = memberships;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<GroupView.Many> list(@PathParam("id") String id) {
        Caller c = caller.get();
        return memberships.user(id)
                .invoke(u -> policy.enforce(GroupPolicies.LIST_FOR_USER, c, GroupPolicies.userTarget(u.id, u.domainId)))
                .chain(() -> memberships.groupsOf(id))
                .map(groups -> new GroupView.Many(groups.stream().map(g -> GroupView.of(g, links)).toList(),
                        links.collection("users/" + id + "/groups")));
    }
}
