package io.strato.identity.credentials;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.revocations.RevocationService;
import io.strato.identity.roles.Role;
import io.strato.identity.users.Passwords;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's application credentials. The secret is hashed with bcrypt (off the event loop) before the
 * transaction opens, and is returned once, by create. Deleting one revokes the tokens it issued.
 */
@ApplicationScoped
public class ApplicationCredentialService {
    private final ApplicationCredentialRepository credentials;
    private final CredentialRoles roles;
    private final Passwords passwords;
    private final Vertx vertx;
    private final IdentityEvents events;
    private final RevocationService revocations;

    public ApplicationCredentialService(ApplicationCredentialRepository credentials, CredentialRoles roles,
                                        Passwords passwords, Vertx vertx, IdentityEvents events,
                                        RevocationService revocations) {
        this.credentials = credentials;
        this.roles = roles;
        this.passwords = passwords;
        this.vertx = vertx;
        this.events = events;
        this.revocations = revocations;
    }

    /** The credential with its roles; 404 unless it belongs to {@code userId}. */
    @WithSession
    public Uni<ApplicationCredentialView.Created> get(String userId, String id) {
        return owned(userId, id).flatMap(c -> roles.ofIds(c.roleIdList())
                .map(r -> new ApplicationCredentialView.Created(c, r, null)));
    }

    @WithSession
    public Uni<List<ApplicationCredentialView.Created>> list(String userId, String name) {
        Uni<List<ApplicationCredential>> found = name == null
                ? credentials.list("userId = ?1 order by name", userId)
                : credentials.list("userId = ?1 and name = ?2 order by name", userId, name);
        return found.flatMap(list -> roles.ofIds(list.stream().flatMap(c -> c.roleIdList().stream()).distinct().toList())
                .map(all -> list.stream().map(c -> new ApplicationCredentialView.Created(c,
                        all.stream().filter(r -> c.roleIdList().contains(r.id)).toList(), null)).toList()));
    }

    /** Creates a credential of the caller (the resource's policy has checked {@code userId} is the caller). */
    public Uni<ApplicationCredentialView.Created> create(String userId, ApplicationCredentialView.Fields f, Caller caller) {
        if (!caller.isProjectScoped()) {
            throw new InvalidInput("Invalid application credential: an application credential can only be created"
                    + " with a project-scoped token.");
        }
        if (f.accessRules() != null && !f.accessRules().isEmpty()) {
            throw new InvalidInput("Invalid input for field 'application_credential.access_rules': access rules are"
                    + " not supported.");
        }
        ApplicationCredential c = new ApplicationCredential();
        c.id = Ids.newId();
        c.userId = userId;
        c.projectId = caller.projectId();
        c.name = Validate.name(f.name(), "application_credential.name");
        c.description = f.description();
        c.unrestricted = Boolean.TRUE.equals(f.unrestricted());
        c.expiresAt = expiry(f.expiresAt());
        String secret = f.secret() != null ? checkSecret(f.secret()) : Secrets.generate();
        return vertx.executeBlocking(Uni.createFrom().item(() -> passwords.hash(secret)))
                .flatMap(hash -> {
                    c.secretHash = hash;
                    return Panache.withTransaction(() -> store(c, f.roles(), caller));
                })
                .map(r -> new ApplicationCredentialView.Created(c, r, secret));
    }

    private Uni<List<Role>> store(ApplicationCredential c, List<ApplicationCredentialView.RoleName> requested, Caller caller) {
        return requireUnrestrictedCaller(caller)
                .chain(() -> credentials.findByName(c.userId, c.name))
                .invoke(existing -> {
                    if (existing != null) {
                        throw duplicate(c.name);
                    }
                })
                .chain(() -> roles.resolve(requested, caller))
                .call(r -> {
                    c.roleIds = String.join(",", r.stream().map(role -> role.id).toList());
                    return credentials.persist(c).call(() -> credentials.flush())
                            .onFailure(ApplicationCredentialService::uniqueViolation).transform(e -> duplicate(c.name));
                })
                .call(() -> events.publish("application_credential", "created", c.id, data(c)));
    }

    @WithTransaction
    public Uni<Void> delete(String userId, String id, Caller caller) {
        return requireUnrestrictedCaller(caller)
                .chain(() -> owned(userId, id))
                .call(c -> credentials.delete("id", c.id))
                .call(c -> revocations.revokeApplicationCredential(c.id))
                .call(c -> events.publish("application_credential", "deleted", c.id, data(c)))
                .replaceWithVoid();
    }

    private Uni<ApplicationCredential> owned(String userId, String id) {
        return credentials.findById(id).map(c -> {
            if (c == null || !c.userId.equals(userId)) {
                throw new NotFound("Could not find Application Credential: " + id + ".");
            }
            return c;
        });
    }

    /** A token from a restricted application credential may not manage application credentials (Keystone). */
    private Uni<Void> requireUnrestrictedCaller(Caller caller) {
        if (caller.applicationCredentialId() == null) {
            return Uni.createFrom().voidItem();
        }
        return credentials.findById(caller.applicationCredentialId()).invoke(used -> {
            if (used == null || !used.unrestricted) {
                throw new Forbidden("Using method 'application_credential' is not allowed for managing additional"
                        + " application credentials.");
            }
        }).replaceWithVoid();
    }

    /** ISO 8601, with an offset or without (then UTC, as Keystone reads it); must be in the future. */
    static Instant expiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidInput("Invalid input for field 'application_credential.expires_at': '" + value
                        + "' is not an ISO 8601 time.");
            }
        }
        if (!t.isAfter(Instant.now())) {
            throw new InvalidInput("Invalid application credential: the expires_at time must be in the future.");
        }
        return t;
    }

    private static String checkSecret(String secret) {
        if (secret.isEmpty()) {
            throw new InvalidInput("Invalid input for field 'application_credential.secret': it must not be empty.");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidInput("Invalid input for field 'application_credential.secret': it is longer than 72 bytes.");
        }
        return secret;
    }

    private static Conflict duplicate(String name) {
        return new Conflict("Conflict occurred attempting to store application_credential - Duplicate entry found"
                + " with name " + name + ".");
    }

    /** Another request stored the same name between our check and our insert. */
    private static boolean uniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException
                    || String.valueOf(c.getMessage()).contains("application_credential_user_name_uq")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> data(ApplicationCredential c) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", c.id);
        d.put("user_id", c.userId);
        d.put("project_id", c.projectId);
        return d;
    }
}
