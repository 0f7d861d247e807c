package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regions of the catalog. Writes run in their own transaction and drop the cached token catalog once
 * committed (see {@link CatalogBuilder}).
 */
@ApplicationScoped
public class RegionService {
    private final RegionRepository regions;
    private final EndpointRepository endpoints;
    private final IdentityEvents events;
    private final CatalogBuilder catalog;

    public RegionService(RegionRepository regions, EndpointRepository endpoints, IdentityEvents events,
                         CatalogBuilder catalog) {
        this.regions = regions;
        this.endpoints = endpoints;
        this.events = events;
        this.catalog = catalog;
    }

    @WithSession
    public Uni<Region> get(String id) {
        return regions.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithSession
    public Uni<List<Region>> list(String parentRegionId) {
        return parentRegionId == null ? regions.listAll(io.quarkus.panache.common.Sort.by("id"))
                : regions.list("parentRegionId = ?1 order by id", parentRegionId);
    }

    /** @param pathId the id from {@code PUT /v3/regions/{id}}, or null for {@code POST} */
    public Uni<Region> create(String pathId, RegionView.Fields f) {
        Region r = new Region();
        if (pathId != null && f.id() != null && !pathId.equals(f.id())) {
            throw new InvalidInput("Invalid input for field 'region.id': it must match the id in the URL ("
                    + pathId + ").");
        }
        String id = pathId != null ? pathId : f.id();
        r.id = id != null ? Validate.name(id, "region.id") : Ids.newId();
        r.description = f.description() == null ? "" : f.description();
        r.parentRegionId = blankToNull(f.parentRegionId());
        return Panache.withTransaction(() -> regions.findById(r.id).flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("Conflict occurred attempting to store region - Duplicate ID, " + r.id + ".");
            }
            return requireParent(r.parentRegionId);
        }).chain(() -> regions.persist(r))
                .call(saved -> events.publish("region", "created", saved.id, Map.of("id", saved.id))))
                .invoke(catalog::invalidate);
    }

    public Uni<Region> update(String id, RegionView.Fields f) {
        if (f.id() != null && !f.id().equals(id)) {
            throw new InvalidInput("Invalid input for field 'region.id': the id of a region cannot be changed.");
        }
        return Panache.withTransaction(() -> regions.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                .call(r -> {
                    if (f.description() != null) {
                        r.description = f.description();
                    }
                    if (f.parentRegionId() == null) {
                        return Uni.createFrom().voidItem();
                    }
                    String parent = blankToNull(f.parentRegionId());
                    return requireParent(parent).call(() -> refuseCycle(id, parent)).invoke(() -> r.parentRegionId = parent);
                })
                .call(r -> events.publish("region", "updated", r.id, Map.of("id", r.id))))
                .invoke(catalog::invalidate);
    }

    /** Deletes the region and its child regions, as Keystone does, unless an endpoint is in any of them. */
    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> regions.findById(id).onItem().ifNull().failWith(() -> notFound(id))
                .flatMap(r -> subtree(id).flatMap(ids -> endpoints.countInRegions(ids).flatMap(n -> {
                    if (n > 0) {
                        throw new Forbidden("Unable to delete region " + id
                                + " because it or its child regions have associated endpoints.");
                    }
                    return deleteLeavesFirst(ids);
                })))
                .call(() -> events.publish("region", "deleted", id, Map.of("id", id))))
                .invoke(catalog::invalidate);
    }

    /** The region and all its descendants, parents before children. */
    private Uni<List<String>> subtree(String root) {
        List<String> out = new ArrayList<>();
        out.add(root);
        return collect(List.of(root), out);
    }

    private Uni<List<String>> collect(List<String> level, List<String> out) {
        if (level.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        return regions.list("parentRegionId in ?1", level).flatMap(children -> {
            List<String> next = children.stream().map(c -> c.id).filter(c -> !out.contains(c)).toList();
            out.addAll(next);
            return collect(next, out);
        });
    }

    private Uni<Void> deleteLeavesFirst(List<String> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String rid = ids.get(i);
            // bulk deletes run at once and in this order, so no child outlives its parent's row
            chain = chain.call(() -> regions.delete("id", rid)).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> requireParent(String parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return regions.findById(parentId).onItem().ifNull().failWith(() -> notFound(parentId)).replaceWithVoid();
    }

    /** Walks up from the new parent: reaching {@code id} means the change would make a loop. */
    private Uni<Void> refuseCycle(String id, String parent) {
        return walkUp(id, parent, new HashSet<>());
    }

    private Uni<Void> walkUp(String id, String current, Set<String> seen) {
        if (current == null) {
            return Uni.createFrom().voidItem();
        }
        if (current.equals(id) || !seen.add(current)) {
            throw new InvalidInput("The specified parent region " + current
                    + " would create a circular region hierarchy.");
        }
        return regions.findById(current).flatMap(r -> walkUp(id, r == null ? null : r.parentRegionId, seen));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static NotFound notFound(String id) {
        return new NotFound("Could not find region: " + id + ".");
    }
}
