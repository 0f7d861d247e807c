package io.strato.identity.roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Role CRUD. Names are unique case-insensitively among the global roles and within each domain. */
@ApplicationScoped
public class RoleService {
    private final RoleRepository roles;
    private final DomainRepository domains;
    private final RoleCleanup cleanup;
    private final IdentityEvents events;

    public RoleService(RoleRepository roles, DomainRepository domains, RoleCleanup cleanup,
                       IdentityEvents events) {
        this.roles = roles;
        this.domains = domains;
        this.cleanup = cleanup;
        this.events = events;
    }

    @WithSession
    public Uni<Role> get(String id) {
        return roles.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** Global roles unless {@code domainId} is given, then that domain's roles (as Keystone lists them). */
    @WithSession
    public Uni<List<Role>> list(String name, String domainId) {
        StringBuilder q = new StringBuilder(domainId == null ? "domainId is null" : "domainId = :domainId");
        Map<String, Object> p = new HashMap<>();
        if (domainId != null) {
            p.put("domainId", domainId);
        }
        if (name != null) {
            q.append(" and name = :name");
            p.put("name", name);
        }
        return roles.list(q + " order by name", p);
    }

    @WithTransaction
    public Uni<Role> create(RoleView.Fields f) {
        Role r = new Role();
        r.id = f.id() != null ? Validate.name(f.id(), "role.id") : Ids.newId();
        r.name = Validate.name(f.name(), "role.name");
        r.domainId = blankToNull(f.domainId());
        r.description = Validate.length(f.description(), "role.description");
        return requireDomain(r.domainId)
                .chain(() -> roles.findById(r.id))
                .invoke(same -> {
                    if (same != null) {
                        throw new Conflict("Conflict occurred attempting to store role - Duplicate ID, " + r.id + ".");
                    }
                })
                .chain(() -> requireFreeName(r.name, r.domainId, "store"))
                .chain(() -> roles.persist(r))
                .call(saved -> events.publish("role", "created", saved.id, data(saved)));
    }

    @WithTransaction
    public Uni<Role> update(String id, RoleView.Fields f) {
        return get(id).flatMap(r -> {
            if (f.domainId() != null && !Objects.equals(blankToNull(f.domainId()), r.domainId)) {
                throw new InvalidInput("Invalid input for field 'role.domain_id': the domain of a role cannot be changed.");
            }
            Uni<Void> nameCheck = Uni.createFrom().voidItem();
            if (f.name() != null && !f.name().strip().equalsIgnoreCase(r.name)) {
                String name = Validate.name(f.name(), "role.name");
                nameCheck = requireFreeName(name, r.domainId, "update").invoke(() -> r.name = name);
            } else if (f.name() != null) {
                r.name = Validate.name(f.name(), "role.name");
            }
            if (f.description() != null) {
                r.description = Validate.length(f.description(), "role.description");
            }
            return nameCheck.call(() -> events.publish("role", "updated", r.id, data(r))).replaceWith(r);
        });
    }

    /** Deletes the role with its assignments and implied-role rules; holders' tokens are revoked. */
    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(r -> cleanup.forRole(r.id)
                .call(() -> roles.deleteImplicationsOf(r.id))
                .call(() -> roles.delete("id", r.id))
                .call(() -> events.publish("role", "deleted", r.id, data(r))));
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find role: " + id + ".");
    }

    private Uni<Void> requireDomain(String domainId) {
        if (domainId == null) {
            return Uni.createFrom().voidItem();
        }
        return domains.findById(domainId).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find domain: " + domainId + ".")).replaceWithVoid();
    }

    private Uni<Void> requireFreeName(String name, String domainId, String verb) {
        return roles.findByName(name, domainId).invoke(other -> {
            if (other != null) {
                throw new Conflict("Conflict occurred attempting to " + verb
                        + " role - Duplicate entry found with name " + name + ".");
            }
        }).replaceWithVoid();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Map<String, Object> data(Role r) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", r.id);
        d.put("name", r.name);
        d.put("domain_id", r.domainId);
        return d;
    }
}
