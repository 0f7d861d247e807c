package io.strato.identity.assignments;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.projects.ProjectView;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** {@code GET /v3/users/{id}/projects}: the projects a user holds a role on (so it belongs to assignments). */
@Path("/v3/users/{id}/projects")
@Authenticated
public class UserProjectsResource {
    private final ReachableScopes scopes;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public UserProjectsResource(ReachableScopes scopes, Policy policy, CurrentCaller caller, Links links) {
        this.scopes = scopes;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    public Uni<ProjectView.Many> list(@PathParam("id") String id) {
        policy.enforce("identity:list_user_projects", caller.get(), Map.of("user", Map.of("id", id)));
        return scopes.projectsOfUser(id)
                .map(list -> new ProjectView.Many(list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        links.collection("users/" + id + "/projects")));
    }
}
