package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MetadefResourceTypeRepository implements PanacheRepositoryBase<MetadefResourceType, String> {

    public Uni<List<MetadefResourceType>> all() {
        return list("order by createdAt, name");
    }
}
