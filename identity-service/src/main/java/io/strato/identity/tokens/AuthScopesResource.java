package io.strato.identity.tokens;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.assignments.ReachableScopes;
import io.strato.identity.catalog.CatalogBuilder;
import io.strato.identity.catalog.CatalogEntry;
import io.strato.identity.domains.DomainView;
import io.strato.identity.projects.ProjectView;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public Uni<Catalog> catalog() {
        Caller c = caller.get();
        if (!c.isProjectScoped() && !c.isDomainScoped() && !c.systemScope()) {
            return Uni.createFrom().item(new Catalog(List.of(), links.collection("auth/catalog")));
        }
        return catalog.build(c.projectId(), c.userId()).map(cat -> new Catalog(cat, links.collection("auth/catalog")));
    }

    @GET
    @Path("projects")
    public Uni<ProjectView.Many> projects() {
        return scopes.enabledProjectsOf(caller.get().userId())
                .map(list -> new ProjectView.Many(list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        links.collection("auth/projects")));
    }

    @GET
    @Path("domains")
    public Uni<DomainView.Many> domains() {
        return scopes.enabledDomainsOf(caller.get().userId())
                .map(list -> new DomainView.Many(list.stream().map(d -> DomainView.of(d, links)).toList(),
                        links.collection("auth/domains")));
    }

    @GET
    @Path("system")
    public Uni<Systems> system() {
        return scopes.onSystem(caller.get().userId()).map(held -> new Systems(
                held ? List.of(new TokenView.SystemScope(true)) : List.of(), links.collection("auth/system")));
    }

    /** {@code GET /v3/auth/catalog}: the catalog of the caller's token. */
    @Schema(name = "AuthCatalog")
    public record Catalog(List<CatalogEntry> catalog, Map<String, String> links) {
    }

    /** {@code GET /v3/auth/system}: {@code [{"all": true}]} when the caller holds a role on the system, else empty. */
    @Schema(name = "AuthSystem")
    public record Systems(List<TokenView.SystemScope> system, Map<String, String> links) {
    }
}
