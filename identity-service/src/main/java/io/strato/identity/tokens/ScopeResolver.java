package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.assignments.EffectiveRoles;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.roles.Role;
import io.strato.kit.faults.Unauthorized;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Turns the requested scope into the token's scope and roles. A scope the user holds no role on, or
 * that is disabled or unknown, is a 401, as in Keystone.
 */
@ApplicationScoped
public class ScopeResolver {
    private final ProjectRepository projects;
    private final DomainRepository domains;
    private final EffectiveRoles roles;

    public ScopeResolver(ProjectRepository projects, DomainRepository domains, EffectiveRoles roles) {
        this.projects = projects;
        this.domains = domains;
        this.roles = roles;
    }

    /** The scope a token ends up with. */
    public record Resolved(Project project, Domain projectDomain, Domain domain, boolean system, List<Role> roles) {
        static final Resolved UNSCOPED = new Resolved(null, null, null, false, List.of());
    }

    public Uni<Resolved> resolve(Principal p, AuthRequest.Scope scope) {
        if (p.appCred() != null) {
            if (scope.domain() || scope.system() || (scope.projectId() != null && !scope.projectId().equals(p.appCred().projectId))) {
                return Uni.createFrom().failure(new Unauthorized("An application credential cannot be rescoped."));
            }
            Set<String> allowed = Set.copyOf(p.appCred().roleIdList());
            return projects.findById(p.appCred().projectId).flatMap(pr -> onProject(p, pr))
                    .map(r -> {
                        List<Role> kept = r.roles().stream().filter(role -> allowed.contains(role.id)).toList();
                        if (kept.isEmpty()) {
                            throw AuthFailure.failed();
                        }
                        return new Resolved(r.project(), r.projectDomain(), null, false, kept);
                    });
        }
        if (scope.project()) {
            return findProject(scope).flatMap(pr -> onProject(p, pr));
        }
        if (scope.domain()) {
            Uni<Domain> d = scope.domainId() != null ? domains.findById(scope.domainId()) : domains.findByName(scope.domainName());
            return d.flatMap(domain -> {
                if (domain == null || !domain.enabled) {
                    throw new Unauthorized("Could not find an enabled domain for the requested scope.");
                }
                return roles.onDomain(p.user().id, domain.id).map(rs -> {
                    requireRoles(rs, "domain", domain.id);
                    return new Resolved(null, null, domain, false, rs);
                });
            });
        }
        if (scope.system()) {
            return roles.onSystem(p.user().id).map(rs -> {
                requireRoles(rs, "system", "all");
                return new Resolved(null, null, null, true, rs);
            });
        }
        if (!scope.explicitlyUnscoped() && p.user().defaultProjectId != null) {
            return projects.findById(p.user().defaultProjectId)
                    .flatMap(pr -> onProject(p, pr))
                    .onFailure(Unauthorized.class).recoverWithItem(Resolved.UNSCOPED);
        }
        return Uni.createFrom().item(Resolved.UNSCOPED);
    }

    private Uni<Project> findProject(AuthRequest.Scope s) {
        if (s.projectId() != null) {
            return projects.findById(s.projectId());
        }
        Uni<Domain> d = s.projectDomainId() != null ? domains.findById(s.projectDomainId())
                : domains.findByName(s.projectDomainName());
        return d.flatMap(domain -> domain == null ? Uni.createFrom().nullItem()
                : projects.findByName(domain.id, s.projectName()));
    }

    private Uni<Resolved> onProject(Principal p, Project project) {
        if (project == null || !project.enabled) {
            return Uni.createFrom().failure(new Unauthorized("Could not find an enabled project for the requested scope."));
        }
        return domains.findById(project.domainId).flatMap(domain -> {
            if (domain == null || !domain.enabled) {
                throw new Unauthorized("Could not find an enabled project for the requested scope.");
            }
            return roles.onProject(p.user().id, project.id).map(rs -> {
                requireRoles(rs, "project", project.id);
                return new Resolved(project, domain, null, false, rs);
            });
        });
    }

    private static void requireRoles(List<Role> rs, String kind, String id) {
        if (rs.isEmpty()) {
            throw new Unauthorized("User has no access to " + kind + " " + id + ".");
        }
    }
}
