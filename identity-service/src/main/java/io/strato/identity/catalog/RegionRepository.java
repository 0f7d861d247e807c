package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public Uni<List<Region>> children(String parentId) {
        return list("parentRegionId", parentId);
    }
}
