package io.strato.volume.types;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VolumeTypeAccessRepository implements PanacheRepositoryBase<VolumeTypeAccess, UUID> {

    public Uni<Boolean> allowed(UUID typeId, String projectId) {
        return projectId == null ? Uni.createFrom().item(false)
                : count("volumeTypeId = ?1 and projectId = ?2", typeId, projectId).map(n -> n > 0);
    }

    public Uni<List<VolumeTypeAccess>> ofType(UUID typeId) {
        return list("volumeTypeId = ?1 order by createdAt, projectId", typeId);
    }

    /** The ids of the private types the project may use. */
    public Uni<List<UUID>> typesOf(String projectId) {
        return projectId == null ? Uni.createFrom().item(List.of())
                : list("projectId", projectId).map(l -> l.stream().map(a -> a.volumeTypeId).toList());
    }

    /** Removes the pair with a statement; false when there was none. */
    public Uni<Boolean> remove(UUID typeId, String projectId) {
        return delete("volumeTypeId = ?1 and projectId = ?2", typeId, projectId).map(n -> n > 0);
    }
}
