package io.strato.image.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.image.data.ImageQuota;
import io.strato.image.images.Image;
import io.strato.image.images.ImageRepository;
import io.strato.image.store.ImageStore;
import io.strato.kit.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its images go too (records, members, bytes), each with a
 * deleted event so compute agents evict their cached copies. Runs once per event (the kit records it).
 */
@ApplicationScoped
public class ProjectDeletedHandler implements EventHandler {
    static final String PROJECT_DELETED = "strato.identity.project.deleted.v1";
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
    public String topic() {
        return "strato.identity";
    }

    @Override
    public boolean accepts(String type) {
        return PROJECT_DELETED.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        String project = event.data() != null && event.data().hasNonNull("id")
                ? event.data().get("id").asText() : event.subject();
        if (project == null || project.isBlank()) {
            LOG.warnf("project-deleted event %s names no project; ignored", event.id());
            return Uni.createFrom().voidItem();
        }
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
