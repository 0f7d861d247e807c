package io.strato.identity.domains;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.identity.revocations.RevocationService;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class DomainService {
    private final DomainRepository domains;
    private final DomainCleanup cleanup;
    private final IdentityEvents events;
    private final RevocationService revocations;

    public DomainService(DomainRepository domains, DomainCleanup cleanup, IdentityEvents events,
                         RevocationService revocations) {
        this.domains = domains;
        this.cleanup = cleanup;
        this.events = events;
        this.revocations = revocations;
    }

    @WithSession
    public Uni<Domain> get(String id) {
        return domains.findById(id).onItem().ifNull().failWith(() -> new NotFound("Could not find domain: " + id + "."));
    }

    /** By id, else by name (as the openstack client looks a domain up). */
    @WithSession
    public Uni<Domain> find(String idOrName) {
        return domains.findById(idOrName).onItem().ifNull().switchTo(() -> domains.findByName(idOrName))
                .onItem().ifNull().failWith(() -> new NotFound("Could not find domain: " + idOrName + "."));
    }

    @WithSession
    public Uni<List<Domain>> list(String name, Boolean enabled) {
        Filter f = new Filter().eq("name", name).eq("enabled", enabled);
        return domains.list(f.orderBy("name"), f.params());
    }

    @WithTransaction
    public Uni<Domain> create(DomainView.Fields f) {
        Domain d = new Domain();
        d.id = f.id() != null ? Validate.name(f.id(), "domain.id") : Ids.newId();
        d.name = Validate.name(f.name(), "domain.name", 64);
        d.description = f.description() == null ? "" : f.description();
        d.enabled = f.enabled() == null || f.enabled();
        return domains.findByName(d.name).flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("Conflict occurred attempting to store domain - Duplicate entry found with name " + d.name + ".");
            }
            return domains.persist(d);
        }).call(saved -> events.publish("domain", "created", saved.id, Map.of("id", saved.id, "name", saved.name)));
    }

    @WithTransaction
    public Uni<Domain> update(String id, DomainView.Fields f) {
        return get(id).flatMap(d -> {
            boolean disabling = d.enabled && Boolean.FALSE.equals(f.enabled());
            Uni<Void> nameCheck = Uni.createFrom().voidItem();
            if (f.name() != null && !f.name().equalsIgnoreCase(d.name)) {
                String name = Validate.name(f.name(), "domain.name", 64);
                nameCheck = domains.findByName(name).map(other -> {
                    if (other != null) {
                        throw new Conflict("Conflict occurred attempting to update domain - Duplicate entry found with name " + name + ".");
                    }
                    d.name = name;
                    return null;
                });
            }
            if (f.description() != null) {
                d.description = f.description();
            }
            if (f.enabled() != null) {
                d.enabled = f.enabled();
            }
            return nameCheck
                    .call(() -> disabling ? revocations.revokeDomain(d.id) : Uni.createFrom().voidItem())
                    .call(() -> events.publish("domain", "updated", d.id, Map.of("id", d.id, "enabled", d.enabled)))
                    .replaceWith(d);
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(d -> {
            if (d.enabled) {
                throw new Forbidden("Cannot delete a domain that is enabled, please disable it first.");
            }
            if (Domain.DEFAULT_ID.equals(d.id)) {
                throw new Forbidden("The default domain cannot be deleted.");
            }
            return cleanup.deleteContents(d.id)
                    .call(() -> domains.delete("id", d.id))
                    .call(() -> revocations.revokeDomain(d.id))
                    .call(() -> events.publish("domain", "deleted", d.id, Map.of("id", d.id)));
        });
    }
}
