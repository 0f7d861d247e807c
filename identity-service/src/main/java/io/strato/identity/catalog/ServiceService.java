package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The services of the catalog ({@code /v3/services}). Deleting a service deletes its endpoints (the
 * foreign key cascades), as Keystone does. Writes drop the cached token catalog once committed.
 */
@ApplicationScoped
public class ServiceService {
    private final CatalogServiceRepository services;
    private final IdentityEvents events;
    private final CatalogBuilder catalog;

    public ServiceService(CatalogServiceRepository services, IdentityEvents events, CatalogBuilder catalog) {
        this.services = services;
        this.events = events;
        this.catalog = catalog;
    }

    @WithSession
    public Uni<CatalogService> get(String id) {
        return services.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** Filters as Keystone's: {@code type} and {@code name} (the openstack client finds a service by name, then by type). */
    @WithSession
    public Uni<List<CatalogService>> list(String type, String name) {
        Filter f = new Filter().eq("type", type).eq("name", name);
        return services.list(f.orderBy("type, name, id"), f.params());
    }

    public Uni<CatalogService> create(ServiceView.Fields f) {
        CatalogService s = new CatalogService();
        s.id = Ids.newId();
        s.type = Validate.name(f.type(), "service.type");
        s.name = Validate.length(f.name(), "service.name");
        s.description = f.description();
        s.enabled = f.enabled() == null || f.enabled();
        return Panache.withTransaction(() -> services.persist(s)
                        .call(saved -> events.publish("service", "created", saved.id,
                                Map.of("id", saved.id, "type", saved.type))))
                .invoke(catalog::invalidate);
    }

    public Uni<CatalogService> update(String id, ServiceView.Fields f) {
        return Panache.withTransaction(() -> services.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                        .invoke(s -> {
                            if (f.type() != null) {
                                s.type = Validate.name(f.type(), "service.type");
                            }
                            if (f.name() != null) {
                                s.name = Validate.length(f.name(), "service.name");
                            }
                            if (f.description() != null) {
                                s.description = f.description();
                            }
                            if (f.enabled() != null) {
                                s.enabled = f.enabled();
                            }
                        })
                        .call(s -> events.publish("service", "updated", s.id, Map.of("id", s.id, "type", s.type))))
                .invoke(catalog::invalidate);
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> services.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                        .call(s -> services.delete("id", s.id))
                        .call(s -> events.publish("service", "deleted", s.id, Map.of("id", s.id, "type", s.type)))
                        .replaceWithVoid())
                .invoke(catalog::invalidate);
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find service: " + id + ".");
    }
}
