package io.strato.identity.tokens;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.assignments.EffectiveRoles;
import io.strato.identity.catalog.CatalogBuilder;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.domains.DomainView;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.projects.ProjectView;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;

/** What the caller's token can reach: {@code /v3/auth/catalog}, {@code projects}, {@code domains}, {@code system}. */
@Path("/v3/auth")
@Authenticated
public class AuthScopesResource {
    private final CurrentCaller caller;
    private final CatalogBuilder catalog;
    private final EffectiveRoles roles;
    private final ProjectRepository projects;
    private final DomainRepository domains;
    private final Links links;

    public AuthScopesResource(CurrentCaller caller, CatalogBuilder catalog, EffectiveRoles roles,
                              ProjectRepository projects, DomainRepository domains, Links links) {
        this.caller = caller;
        this.catalog = catalog;
        this.roles = roles;
        this.projects = projects;
        this.domains = domains;
        this.links = links;
    }

    @GET
    @Path("catalog")
    public Uni<Map<String, Object>> catalog() {
        Caller c = caller.get();
        if (!c.isProjectScoped() && !c.isDomainScoped() && !c.systemScope()) {
            return Uni.createFrom().item(Map.of("catalog", List.of(), "links", links.collection("auth/catalog")));
        }
        return catalog.build(c.projectId(), c.userId()).map(cat -> Map.of("catalog", cat, "links", links.collection("auth/catalog")));
    }

    @GET
    @Path("projects")
    @WithSession
    public Uni<Map<String, Object>> projects() {
        return roles.projectIdsOf(caller.get().userId())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<io.strato.identity.projects.Project>of())
                        : projects.list("id in ?1 and enabled = true order by name", ids))
                .map(list -> Map.of("projects", list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        "links", links.collection("auth/projects")));
    }

    @GET
    @Path("domains")
    @WithSession
    public Uni<Map<String, Object>> domains() {
        return roles.domainIdsOf(caller.get().userId())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<io.strato.identity.domains.Domain>of())
                        : domains.list("id in ?1 and enabled = true order by name", ids))
                .map(list -> Map.of("domains", list.stream().map(d -> DomainView.of(d, links)).toList(),
                        "links", links.collection("auth/domains")));
    }

    @GET
    @Path("system")
    @WithSession
    public Uni<Map<String, Object>> system() {
        return roles.onSystem(caller.get().userId()).map(rs -> Map.of(
                "system", rs.isEmpty() ? List.of() : List.of(Map.of("all", true)),
                "links", links.collection("auth/system")));
    }
}
