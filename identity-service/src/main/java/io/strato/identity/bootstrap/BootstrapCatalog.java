package io.strato.identity.bootstrap;

import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.catalog.CatalogService;
import io.strato.identity.catalog.CatalogServiceRepository;
import io.strato.identity.catalog.Endpoint;
import io.strato.identity.catalog.EndpointRepository;
import io.strato.identity.catalog.Region;
import io.strato.identity.catalog.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The catalog half of bootstrap: the region, and every Strato service with public, internal and admin
 * endpoints on the gateway, at DevStack's paths (so documentation and habits carry over). Identity is
 * registered at {@code <gw>/identity} as DevStack does; clients discover v3 from there. Block storage is
 * registered twice (block-storage and volumev3) with DevStack's {@code $(project_id)s} URL, which the
 * token catalog fills in. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class BootstrapCatalog {
    /** A service of the catalog and its path on the gateway. */
    record Entry(String type, String name, String description, String path) {
    }

    static final List<Entry> SERVICES = List.of(
            new Entry("identity", "keystone", "Identity Service", "/identity"),
            new Entry("compute", "nova", "Compute Service", "/compute/v2.1"),
            new Entry("network", "neutron", "Networking Service", "/networking"),
            new Entry("image", "glance", "Image Service", "/image"),
            new Entry("block-storage", "cinder", "Block Storage Service", "/volume/v3/$(project_id)s"),
            new Entry("volumev3", "cinderv3", "Block Storage Service V3", "/volume/v3/$(project_id)s"));
    static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private final RegionRepository regions;
    private final CatalogServiceRepository services;
    private final EndpointRepository endpoints;

    public BootstrapCatalog(RegionRepository regions, CatalogServiceRepository services, EndpointRepository endpoints) {
        this.regions = regions;
        this.services = services;
        this.endpoints = endpoints;
    }

    Uni<Void> ensure(String regionId, String gatewayUrl, BootstrapReport report) {
        String base = gatewayUrl.replaceAll("/+$", "");
        Uni<Void> chain = region(regionId, report);
        for (Entry e : SERVICES) {
            chain = chain.call(() -> service(e, report).flatMap(s -> endpointsOf(s, regionId, base + e.path(), report)));
        }
        return chain;
    }

    private Uni<Void> region(String id, BootstrapReport report) {
        return regions.findById(id).flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            Region r = new Region();
            r.id = id;
            r.description = "";
            report.changed("created region " + id);
            return regions.persist(r).replaceWithVoid();
        });
    }

    private Uni<CatalogService> service(Entry e, BootstrapReport report) {
        return services.findByType(e.type(), e.name()).onItem().ifNull().switchTo(() -> {
            CatalogService s = new CatalogService();
            s.id = Ids.newId();
            s.type = e.type();
            s.name = e.name();
            s.description = e.description();
            report.changed("created service " + e.name() + " (" + e.type() + ")");
            return services.persist(s);
        });
    }

    /** One endpoint per interface; an existing one whose URL differs (the gateway moved) is pointed anew. */
    private Uni<Void> endpointsOf(CatalogService s, String regionId, String url, BootstrapReport report) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String iface : INTERFACES) {
            chain = chain.call(() -> endpoints.findOne(s.id, iface, regionId).flatMap(found -> {
                if (found != null) {
                    if (!found.url.equals(url)) {
                        report.changed("moved " + iface + " endpoint of " + s.type + " from " + found.url + " to " + url);
                        found.url = url;
                    }
                    return Uni.createFrom().voidItem();
                }
                Endpoint ep = new Endpoint();
                ep.id = Ids.newId();
                ep.serviceId = s.id;
                ep.iface = iface;
                ep.regionId = regionId;
                ep.url = url;
                report.changed("created " + iface + " endpoint of " + s.type + " at " + url);
                return endpoints.persist(ep).replaceWithVoid();
            }));
        }
        return chain;
    }
}
