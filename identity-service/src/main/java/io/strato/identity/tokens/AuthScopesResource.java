package io.strato.identity.tokens;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.assignments.ReachableScopes;
import io.strato.identity.catalog.CatalogBuilder;
import io.strato.identity.domains.DomainView;
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
    private final ReachableScopes scopes;
    private final Links links;

    public AuthScopesResource(CurrentCaller caller, CatalogBuilder catalog, ReachableScopes scopes, Links links) {
        this.caller = caller;
        this.catalog = catalog;
        this.scopes = scopes;
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
    public Uni<Map<String, Object>> projects() {
        return scopes.enabledProjectsOf(caller.get().userId())
                .map(list -> Map.of("projects", list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        "links", links.collection("auth/projects")));
    }

    @GET
    @Path("domains")
    public Uni<Map<String, Object>> domains() {
        return scopes.enabledDomainsOf(caller.get().userId())
                .map(list -> Map.of("domains", list.stream().map(d -> DomainView.of(d, links)).toList(),
                        "links", links.collection("auth/domains")));
    }

    @GET
    @Path("system")
    public Uni<Map<String, Object>> system() {
        return scopes.onSystem(caller.get().userId()).map(held -> Map.of(
                "system", held ? List.of(Map.of("all", true)) : List.of(),
                "links", links.collection("auth/system")));
    }
}
