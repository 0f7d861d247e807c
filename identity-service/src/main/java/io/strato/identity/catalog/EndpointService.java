package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Endpoints of the catalog ({@code /v3/endpoints}). As Keystone: an unknown service or region_id is a
 * 400; the legacy {@code region} field names a region that is created when missing. Writes drop the
 * cached token catalog once committed.
 */
@ApplicationScoped
public class EndpointService {
    static final Set<String> INTERFACES = Set.of("public", "internal", "admin");
    /** Keystone's URL check: a scheme, then something; {@code $(project_id)s} templates allowed. */
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S+$");

    private final EndpointRepository endpoints;
    private final CatalogServiceRepository services;
    private final RegionRepository regions;
    private final IdentityEvents events;
    private final CatalogBuilder catalog;

    public EndpointService(EndpointRepository endpoints, CatalogServiceRepository services, RegionRepository regions,
                           IdentityEvents events, CatalogBuilder catalog) {
        this.endpoints = endpoints;
        this.services = services;
        this.regions = regions;
        this.events = events;
        this.catalog = catalog;
    }

    @WithSession
    public Uni<Endpoint> get(String id) {
        return endpoints.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithSession
    public Uni<List<Endpoint>> list(String serviceId, String iface, String regionId) {
        Filter f = new Filter().eq("serviceId", serviceId).eq("iface", iface).eq("regionId", regionId);
        return endpoints.list(f.orderBy("serviceId, iface, id"), f.params());
    }

    public Uni<Endpoint> create(EndpointView.Fields f) {
        Endpoint e = new Endpoint();
        e.id = Ids.newId();
        e.serviceId = required(f.serviceId(), "endpoint.service_id");
        e.iface = iface(required(f.iface(), "endpoint.interface"));
        e.url = url(required(f.url(), "endpoint.url"));
        e.enabled = f.enabled() == null || f.enabled();
        return Panache.withTransaction(() -> requireService(e.serviceId)
                        .chain(() -> region(f.regionId(), f.region())).invoke(r -> e.regionId = r)
                        .chain(() -> endpoints.persist(e))
                        .call(saved -> events.publish("endpoint", "created", saved.id, data(saved))))
                .invoke(catalog::invalidate);
    }

    public Uni<Endpoint> update(String id, EndpointView.Fields f) {
        return Panache.withTransaction(() -> endpoints.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                        .call(e -> {
                            if (f.iface() != null) {
                                e.iface = iface(f.iface());
                            }
                            if (f.url() != null) {
                                e.url = url(f.url());
                            }
                            if (f.enabled() != null) {
                                e.enabled = f.enabled();
                            }
                            Uni<Void> service = f.serviceId() == null ? Uni.createFrom().voidItem()
                                    : requireService(f.serviceId()).invoke(() -> e.serviceId = f.serviceId());
                            if (f.regionId() == null && f.region() == null) {
                                return service;
                            }
                            return service.chain(() -> region(f.regionId(), f.region())).invoke(r -> e.regionId = r);
                        })
                        .call(e -> events.publish("endpoint", "updated", e.id, data(e))))
                .invoke(catalog::invalidate);
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> endpoints.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                        .call(e -> endpoints.delete("id", e.id))
                        .call(e -> events.publish("endpoint", "deleted", e.id, data(e)))
                        .replaceWithVoid())
                .invoke(catalog::invalidate);
    }

    private Uni<Void> requireService(String serviceId) {
        return services.findById(serviceId).invoke(s -> {
            if (s == null) {
                throw new InvalidInput("Invalid input for field 'endpoint.service_id': could not find service: "
                        + serviceId + ".");
            }
        }).replaceWithVoid();
    }

    /**
     * The region an endpoint goes in: {@code region_id} must exist; the legacy {@code region} alone is
     * created when missing, for clients that still send it.
     */
    private Uni<String> region(String regionId, String legacyRegion) {
        if (regionId != null && !regionId.isBlank()) {
            return regions.findById(regionId).map(r -> {
                if (r == null) {
                    throw new InvalidInput("Invalid input for field 'endpoint.region_id': could not find region: "
                            + regionId + ".");
                }
                return r.id;
            });
        }
        if (legacyRegion == null || legacyRegion.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return regions.findById(legacyRegion).flatMap(r -> {
            if (r != null) {
                return Uni.createFrom().item(r.id);
            }
            Region created = new Region();
            created.id = legacyRegion;
            created.description = "";
            return regions.persist(created).map(saved -> saved.id);
        });
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("Invalid input for field '" + field + "': it is required.");
        }
        return value;
    }

    private static String iface(String value) {
        if (!INTERFACES.contains(value)) {
            throw new InvalidInput("Invalid input for field 'endpoint.interface': '" + value
                    + "' is not one of ['public', 'internal', 'admin'].");
        }
        return value;
    }

    private static String url(String value) {
        if (!URL.matcher(value).matches()) {
            throw new InvalidInput("Invalid input for field 'endpoint.url': '" + value + "' is not a valid URL.");
        }
        return value;
    }

    private static Map<String, Object> data(Endpoint e) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", e.id);
        d.put("service_id", e.serviceId);
        d.put("interface", e.iface);
        d.put("region_id", e.regionId);
        return d;
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find endpoint: " + id + ".");
    }
}
