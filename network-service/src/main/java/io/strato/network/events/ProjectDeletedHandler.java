package io.strato.network.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project ({@code strato.identity.project.deleted.v1}), its networking goes too
 * ({@link ProjectPurge}), in the kit's transaction, which also records the event so that a redelivery
 * is skipped; a second event for the same project finds nothing left to do.
 *
 * <p>The kit retries a failing handler before every later event of the partition, so this one never
 * fails on what the event says: an event naming no usable project (none, blank, longer than a
 * project id column, or with control characters such as NUL, which PostgreSQL refuses in text) is
 * logged and ignored. Only a transient failure (database down, deadlock) makes it retry.
 */
@ApplicationScoped
public class ProjectDeletedHandler implements EventHandler {
    static final String PROJECT_DELETED = "strato.identity.project.deleted.v1";
    /** The width of every {@code project_id} column: a longer id names no row. */
    static final int MAX_PROJECT_ID = 64;
    private static final Logger LOG = Logger.getLogger(ProjectDeletedHandler.class);

    private final ProjectPurge purge;

    ProjectDeletedHandler(ProjectPurge purge) {
        this.purge = purge;
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
        String project = projectOf(event);
        if (!usable(project)) {
            LOG.warnf("project-deleted event %s names no usable project; ignored", event.id());
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> purge.purge(s, project))
                .invoke(() -> LOG.infof("removed the networking of deleted project %s", project));
    }

    /** The data's {@code id} (identity's project view), else the subject (the project id too). */
    static String projectOf(StratoEvent event) {
        JsonNode id = event.data() == null ? null : event.data().get("id");
        return id != null && id.isTextual() ? id.asText() : event.subject();
    }

    static boolean usable(String project) {
        return project != null && !project.isBlank() && project.length() <= MAX_PROJECT_ID
                && project.chars().noneMatch(Character::isISOControl);
    }
}
