package io.strato.identity.bootstrap;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.assignments.Assignment;
import io.strato.identity.assignments.AssignmentRepository;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.projects.Project;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.revocations.RevocationService;
import io.strato.identity.roles.ImpliedRole;
import io.strato.identity.roles.Role;
import io.strato.identity.roles.RoleRepository;
import io.strato.identity.users.Passwords;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity half of bootstrap: the Default domain, the default roles and their implications
 * (admin ⇒ member ⇒ reader), the admin project and user, and the admin role on that project and on the
 * system. Each step finds before it creates; runs inside the caller's transaction.
 */
@ApplicationScoped
public class BootstrapIdentity {
    static final List<String> ROLES = List.of("admin", "member", "reader", "service");

    private final DomainRepository domains;
    private final RoleRepository roles;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final AssignmentRepository assignments;
    private final Passwords passwords;
    private final Vertx vertx;
    private final IdentityEvents events;
    private final RevocationService revocations;

    public BootstrapIdentity(DomainRepository domains, RoleRepository roles, ProjectRepository projects,
                             UserRepository users, AssignmentRepository assignments, Passwords passwords, Vertx vertx,
                             IdentityEvents events, RevocationService revocations) {
        this.domains = domains;
        this.roles = roles;
        this.projects = projects;
        this.users = users;
        this.assignments = assignments;
        this.passwords = passwords;
        this.vertx = vertx;
        this.events = events;
        this.revocations = revocations;
    }

    Uni<Void> ensure(String userName, String projectName, String password, BootstrapReport report) {
        Map<String, Role> byName = new HashMap<>();
        Uni<Void> chain = domain(report).replaceWithVoid();
        for (String name : ROLES) {
            chain = chain.call(() -> role(name, report).invoke(r -> byName.put(name, r)));
        }
        return chain
                .call(() -> implied(byName.get("admin"), byName.get("member"), report))
                .call(() -> implied(byName.get("member"), byName.get("reader"), report))
                .chain(() -> project(projectName, report))
                .flatMap(project -> user(userName, password, report).flatMap(user -> {
                    String admin = byName.get("admin").id;
                    return grant(user.id, Assignment.PROJECT, project.id, admin, report)
                            .call(() -> grant(user.id, Assignment.SYSTEM, Assignment.SYSTEM_ALL, admin, report));
                }));
    }

    private Uni<Domain> domain(BootstrapReport report) {
        return domains.findById(Domain.DEFAULT_ID).onItem().ifNull().switchTo(() -> {
            Domain d = new Domain();
            d.id = Domain.DEFAULT_ID;
            d.name = "Default";
            d.description = "The default domain";
            report.changed("created domain Default");
            return domains.persist(d)
                    .call(saved -> events.publish("domain", "created", saved.id, Map.of("id", saved.id, "name", saved.name)));
        });
    }

    private Uni<Role> role(String name, BootstrapReport report) {
        return roles.findByName(name, null).onItem().ifNull().switchTo(() -> {
            Role r = new Role();
            r.id = Ids.newId();
            r.name = name;
            report.changed("created role " + name);
            return roles.persist(r)
                    .call(saved -> events.publish("role", "created", saved.id, Map.of("id", saved.id, "name", saved.name)));
        });
    }

    private Uni<Void> implied(Role prior, Role implied, BootstrapReport report) {
        return Panache.getSession().flatMap(s -> s.find(ImpliedRole.class, new ImpliedRole.Key(prior.id, implied.id))
                .flatMap(found -> {
                    if (found != null) {
                        return Uni.createFrom().voidItem();
                    }
                    ImpliedRole rule = new ImpliedRole();
                    rule.priorRoleId = prior.id;
                    rule.impliedRoleId = implied.id;
                    report.changed("role " + prior.name + " implies " + implied.name);
                    return s.persist(rule);
                }));
    }

    private Uni<Project> project(String name, BootstrapReport report) {
        return projects.findByName(Domain.DEFAULT_ID, name).onItem().ifNull().switchTo(() -> {
            Project p = new Project();
            p.id = Ids.newId();
            p.name = name;
            p.domainId = Domain.DEFAULT_ID;
            p.description = "Bootstrap project for initializing the cloud.";
            report.changed("created project " + name);
            return projects.persist(p).call(saved -> events.publish("project", "created", saved.id,
                    Map.of("id", saved.id, "name", saved.name, "domain_id", saved.domainId)));
        });
    }

    /** Creates the admin user, or re-sets its password when the configured one no longer matches. */
    private Uni<User> user(String name, String password, BootstrapReport report) {
        return users.findByName(Domain.DEFAULT_ID, name).flatMap(existing -> {
            if (existing == null) {
                return hash(password).flatMap(h -> {
                    User u = new User();
                    u.id = Ids.newId();
                    u.name = name;
                    u.domainId = Domain.DEFAULT_ID;
                    u.passwordHash = h;
                    u.passwordChangedAt = Instant.now();
                    report.changed("created user " + name);
                    return users.persist(u).call(saved -> events.publish("user", "created", saved.id,
                            Map.of("id", saved.id, "name", saved.name, "domain_id", saved.domainId)));
                });
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> passwords.matches(password, existing.passwordHash)))
                    .flatMap(same -> same ? Uni.createFrom().item(existing) : hash(password).flatMap(h -> {
                        existing.passwordHash = h;
                        existing.passwordChangedAt = Instant.now();
                        report.changed("re-set the password of user " + name);
                        return revocations.revokeUser(existing.id).replaceWith(existing);
                    }));
        });
    }

    private Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> passwords.hash(password)));
    }

    private Uni<Void> grant(String userId, String targetType, String targetId, String roleId, BootstrapReport report) {
        return assignments.findExact(Assignment.USER, userId, targetType, targetId, roleId, false).flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            report.changed("granted admin to the admin user on " + targetType + " " + targetId);
            return assignments.persist(Assignment.of(Assignment.USER, userId, targetType, targetId, roleId))
                    .replaceWithVoid();
        });
    }
}
