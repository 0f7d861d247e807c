package io.strato.identity.users;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.assignments.EffectiveRoles;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.projects.ProjectView;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;

/** {@code GET /v3/users/{id}/projects}: the projects a user holds a role on. */
@Path("/v3/users/{id}/projects")
@Authenticated
public class UserProjectsResource {
    private final UserService users;
    private final EffectiveRoles roles;
    private final ProjectRepository projects;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;

    public UserProjectsResource(UserService users, EffectiveRoles roles, ProjectRepository projects, Policy policy,
                                CurrentCaller caller, Links links) {
        this.users = users;
        this.roles = roles;
        this.projects = projects;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @WithSession
    public Uni<ProjectView.Many> list(@PathParam("id") String id) {
        policy.enforce("identity:list_user_projects", caller.get(), Map.of("user", Map.of("id", id)));
        return users.get(id)
                .flatMap(u -> roles.projectIdsOf(u.id))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Project>of())
                        : projects.list("id in ?1 order by name", ids))
                .map(list -> new ProjectView.Many(list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        links.collection("users/" + id + "/projects")));
    }
}
