package io.strato.image.images;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<Image, UUID> {

    /**
     * Deletes the image's row with a statement (never the entity path: see docs/architecture.md), only if
     * nobody changed it since it was read (same version, as the entity delete checked); false when no row
     * matched. The deleted instance leaves the session so no later flush touches it.
     */
    public Uni<Boolean> deleteUnchanged(Image image) {
        return delete("id = ?1 and version = ?2", image.id, image.version)
                .flatMap(n -> n == 0 ? Uni.createFrom().item(false)
                        : getSession().invoke(s -> s.detach(image)).replaceWith(true));
    }
}
