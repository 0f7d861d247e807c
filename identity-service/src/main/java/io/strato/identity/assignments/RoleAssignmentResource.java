package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;

/** GET /v3/role_assignments. */
@Path("/v3/role_assignments")
@Authenticated
public class RoleAssignmentResource {
    private final RoleAssignmentService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public RoleAssignmentResource(RoleAssignmentService service, Policy policy, CurrentCaller caller, Links links) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<RoleAssignmentView.Many> list(@QueryParam("user.id") String userId,
                                             @QueryParam("group.id") String groupId,
                                             @QueryParam("role.id") String roleId,
                                             @QueryParam("scope.project.id") String projectId,
                                             @QueryParam("scope.domain.id") String domainId,
                                             @QueryParam("scope.system") String system,
                                             @QueryParam("effective") String effective,
                                             @QueryParam("include_names") String includeNames,
                                             @Context UriInfo uri) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        AssignmentFilter f = AssignmentFilter.parse(userId, groupId, roleId, projectId, domainId, system,
                AssignmentFilter.bareFlag(effective, "effective", rawQuery),
                AssignmentFilter.bareFlag(includeNames, "include_names", rawQuery));
        Caller c = caller.get();
        return service.scopeDomain(f)
                .invoke(domain -> {
                    Map<String, Object> target = new HashMap<>();
                    target.put("domain_id", domain);
                    policy.enforce(AssignmentPolicies.LIST_ASSIGNMENTS, c, target);
                })
                .chain(() -> service.list(f))
                .map(listing -> new RoleAssignmentView.Many(listing.entries().stream()
                        .map(e -> RoleAssignmentView.of(e, listing.names(), links)).toList(),
                        links.collection("role_assignments")));
    }
}
