package io.strato.identity.users;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.projects.ProjectRepository;
import io.strato.identity.revocations.RevocationService;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unauthorized;
import io.strato.kit.web.Paging;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class UserService {
    private final UserRepository users;
    private final DomainRepository domains;
    private final ProjectRepository projects;
    private final Passwords passwords;
    private final IdentityEvents events;
    private final RevocationService revocations;
    private final Vertx vertx;

    public UserService(UserRepository users, DomainRepository domains, ProjectRepository projects, Passwords passwords,
                       IdentityEvents events, RevocationService revocations, Vertx vertx) {
        this.users = users;
        this.domains = domains;
        this.projects = projects;
        this.passwords = passwords;
        this.events = events;
        this.revocations = revocations;
        this.vertx = vertx;
    }

    @WithSession
    public Uni<User> get(String id) {
        return users.findById(id).onItem().ifNull().failWith(() -> new NotFound("Could not find user: " + id + "."));
    }

    @WithSession
    public Uni<List<User>> list(String name, String domainId, Boolean enabled, Paging paging) {
        Filter f = new Filter().eq("name", name).eq("domainId", domainId).eq("enabled", enabled)
                .after("id", paging.marker());
        return users.find(f.orderBy("id"), f.params()).page(0, paging.limit()).list();
    }

    @WithTransaction
    public Uni<User> create(UserView.Fields f, String domainId) {
        User u = new User();
        u.id = Ids.newId();
        u.name = Validate.name(f.name(), "user.name");
        u.enabled = f.enabled() == null || f.enabled();
        u.description = f.description();
        u.email = Validate.length(f.email(), "user.email");
        u.defaultProjectId = f.defaultProjectId();
        u.mergeExtra(f.storedExtra());
        if (f.password() != null) {
            Passwords.check(f.password());
        }
        return domains.findById(domainId)
                .onItem().ifNull().failWith(() -> new NotFound("Could not find domain: " + domainId + "."))
                .flatMap(d -> {
                    u.domainId = d.id;
                    return checkDefaultProject(u.defaultProjectId);
                })
                .flatMap(x -> users.findByName(u.domainId, u.name))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new Conflict("Conflict occurred attempting to store user - Duplicate entry found with name "
                                + u.name + " at domain ID " + u.domainId + ".");
                    }
                    return hash(f.password());
                })
                .flatMap(hash -> {
                    u.passwordHash = hash;
                    u.passwordChangedAt = hash == null ? null : Instant.now();
                    return users.persist(u);
                })
                .call(saved -> events.publish("user", "created", saved.id, eventData(saved)));
    }

    @WithTransaction
    public Uni<User> update(String id, UserView.Fields f) {
        return get(id).flatMap(u -> {
            if (f.domainId() != null && !f.domainId().equals(u.domainId)) {
                throw new InvalidInput("Cannot change the domain of a user.");
            }
            boolean revoke = (u.enabled && Boolean.FALSE.equals(f.enabled())) || f.password() != null;
            if (f.enabled() != null) {
                u.enabled = f.enabled();
            }
            if (f.description() != null) {
                u.description = f.description();
            }
            if (f.email() != null) {
                u.email = Validate.length(f.email(), "user.email");
            }
            u.mergeExtra(f.storedExtra());
            if (f.password() != null) {
                Passwords.check(f.password());
            }
            Uni<Void> steps = Uni.createFrom().voidItem();
            if (f.defaultProjectId() != null) {
                steps = steps.call(() -> checkDefaultProject(f.defaultProjectId()))
                        .invoke(() -> u.defaultProjectId = f.defaultProjectId());
            }
            if (f.name() != null && !f.name().equals(u.name)) {
                String name = Validate.name(f.name(), "user.name");
                steps = steps.call(() -> users.findByName(u.domainId, name).invoke(other -> {
                    if (other != null) {
                        throw new Conflict("Conflict occurred attempting to update user - a user named " + name
                                + " already exists in its domain.");
                    }
                    u.name = name;
                }));
            }
            if (f.password() != null) {
                steps = steps.call(() -> hash(f.password()).invoke(h -> {
                    u.passwordHash = h;
                    u.passwordChangedAt = Instant.now();
                }));
            }
            return steps
                    .call(() -> revoke ? revocations.revokeUser(u.id) : Uni.createFrom().voidItem())
                    .call(() -> events.publish("user", "updated", u.id, eventData(u)))
                    .replaceWith(u);
        });
    }

    /**
     * A user changes their password with the original (unauthenticated, as Keystone): an unknown or disabled user
     * and a wrong original are all the same 401, so the call tells nothing about who exists.
     */
    @WithTransaction
    public Uni<Void> changePassword(String id, UserView.PasswordChange change) {
        if (change.password() == null || change.originalPassword() == null) {
            throw new InvalidInput("Both 'password' and 'original_password' are required.");
        }
        Passwords.check(change.password());
        return users.findById(id)
                .flatMap(u -> vertx.executeBlocking(Uni.createFrom().item(() -> u != null && u.enabled
                        && u.passwordHash != null && passwords.matches(change.originalPassword(), u.passwordHash)))
                        .map(ok -> {
                    if (!ok) {
                        throw new Unauthorized("The original password is not correct.");
                    }
                    return u;
                }))
                .flatMap(u -> hash(change.password()).map(h -> {
                    u.passwordHash = h;
                    u.passwordChangedAt = Instant.now();
                    return u;
                }))
                .call(u -> revocations.revokeUser(u.id))
                .call(u -> events.publish("user", "password_changed", u.id, Map.of("id", u.id)))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(u -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery(
                                "DELETE FROM role_assignment WHERE actor_type = 'user' AND actor_id = ?1")
                        .setParameter(1, u.id).executeUpdate())
                .call(() -> users.delete("id", u.id))
                .call(() -> revocations.revokeUser(u.id))
                .call(() -> events.publish("user", "deleted", u.id, Map.of("id", u.id, "domain_id", u.domainId)))
                .replaceWithVoid());
    }

    private Uni<Void> checkDefaultProject(String projectId) {
        if (projectId == null) {
            return Uni.createFrom().voidItem();
        }
        return projects.findById(projectId).map(p -> {
            if (p == null) {
                throw new NotFound("Could not find project: " + projectId + ".");
            }
            return null;
        });
    }

    private Uni<String> hash(String password) {
        if (password == null) {
            return Uni.createFrom().nullItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> passwords.hash(password)));
    }

    static Map<String, Object> eventData(User u) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", u.id);
        d.put("name", u.name);
        d.put("domain_id", u.domainId);
        d.put("enabled", u.enabled);
        return d;
    }
}
