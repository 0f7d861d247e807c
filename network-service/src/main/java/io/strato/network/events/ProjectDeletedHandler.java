package io.strato.network.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.data.events.ProjectDeletedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project ({@code strato.identity.project.deleted.v1}), its networking goes too
 * ({@link ProjectPurge}), in the kit's transaction, which also records the event so that a redelivery
 * is skipped; a second event for the same project finds nothing left to do. The kit's base skips an
 * event naming no usable project, so only a transient failure (database down, deadlock) makes it retry.
 */
@ApplicationScoped
public class ProjectDeletedHandler extends ProjectDeletedEventHandler {
    private static final Logger LOG = Logger.getLogger(ProjectDeletedHandler.class);

    private final ProjectPurge purge;

    ProjectDeletedHandler(ProjectPurge purge) {
        this.purge = purge;
    }

    @Override
    protected Uni<Void> projectDeleted(String project) {
        return Panache.getSession().flatMap(s -> purge.purge(s, project))
                .invoke(() -> LOG.infof("removed the networking of deleted project %s", project));
    }
}
