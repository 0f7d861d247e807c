package io.strato.image.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.image.quota.ImageQuota;
import io.strato.image.images.Image;
import io.strato.image.images.ImageEvents;
import io.strato.image.images.ImageRepository;
import io.strato.image.store.ImageStore;
import io.strato.kit.data.events.ProjectDeletedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its images go too (records, members, bytes), each with a
 * deleted event so compute agents evict their cached copies. Runs once per event (the kit records it);
 * the kit's base skips an event naming no usable project.
 */
@ApplicationScoped
public class ProjectDeletedHandler extends ProjectDeletedEventHandler {
    private static final Logger LOG = Logger.getLogger(ProjectDeletedHandler.class);

    private final ImageRepository images;
    private final ImageEvents events;
    private final ImageStore store;
    private final ImageQuota quota;

    public ProjectDeletedHandler(ImageRepository images, ImageEvents events, ImageStore store, ImageQuota quota) {
        this.images = images;
        this.events = events;
        this.store = store;
        this.quota = quota;
    }

    @Override
    protected Uni<Void> projectDeleted(String project) {
        return images.list("owner", project).flatMap(owned -> deleteAll(owned)
                .call(() -> quota.forget(project))
                .invoke(() -> LOG.infof("deleted %d image(s) of deleted project %s", owned.size(), project)));
    }

    private Uni<Void> deleteAll(List<Image> owned) {
        // one after another: they share the event's session
        return Multi.createFrom().iterable(owned)
                .onItem().transformToUniAndConcatenate(this::deleteOne)
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> deleteOne(Image image) {
        return images.deleteUnchanged(image).invoke(deleted -> {
                    if (!deleted) {
                        // changed or deleted meanwhile: fail so the event is handled again with fresh rows
                        throw new IllegalStateException("image " + image.id + " changed while its project was deleted");
                    }
                })
                .call(() -> events.image("deleted", image))
                .call(() -> image.storeLocation == null ? Uni.createFrom().voidItem() : store.delete(image.storeLocation))
                .replaceWithVoid();
    }
}
