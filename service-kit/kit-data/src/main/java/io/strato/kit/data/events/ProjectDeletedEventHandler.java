package io.strato.kit.data.events;

import io.strato.kit.events.StratoEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Base of a service's handler of identity's {@code strato.identity.project.deleted.v1}: it reads the
 * deleted project's id from the event and hands only that to {@link #projectDeleted}, which does the
 * service's own deletion (a CDI bean extending this class, as any {@link EventHandler}).
 *
 * <p>The group consumer retries a failing handler, before every later event of its partition, until it
 * succeeds, so what an event SAYS must never fail it: an event naming no usable project is logged and
 * skipped. Usable means non-blank, at most {@value #MAX_PROJECT_ID} characters (the width of every
 * project id column: a longer id names no row) and free of control characters (PostgreSQL refuses NUL
 * in text; the others name no project identity would create). Only a failure of
 * {@link #projectDeleted} itself (database unreachable, a row changing meanwhile) makes the event retry.
 */
public abstract class ProjectDeletedEventHandler implements EventHandler {
    /** The topic identity publishes on. */
    public static final String TOPIC = "strato.identity";
    /** The one version of the event this class reads; a {@code .v2} is another type, ignored until handled. */
    public static final String TYPE = "strato.identity.project.deleted.v1";
    /** The width of identity's {@code project.id} and of every {@code project_id} column. */
    public static final int MAX_PROJECT_ID = 64;

    private static final Logger LOG = Logger.getLogger(ProjectDeletedEventHandler.class);

    /**
     * Removes what the service keeps for the deleted project. Runs in the kit's transaction, once per
     * event; it may run again for the same project (a second event), so it must be idempotent.
     *
     * @param projectId a usable project id (see the class comment)
     */
    protected abstract Uni<Void> projectDeleted(String projectId);

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public boolean accepts(String type) {
        return TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        Optional<String> project = projectOf(event);
        if (project.isEmpty()) {
            LOG.warnf("%s: event %s %s; skipped", getClass().getSimpleName(), event.id(),
                    TYPE.equals(event.type()) ? "names no usable project" : "is a " + event.type() + ", not a " + TYPE);
            return Uni.createFrom().voidItem();
        }
        return projectDeleted(project.get());
    }

    /**
     * The usable project id a project-deleted event names, if any: the data's {@code id} when it is a
     * string (identity writes its project view there), else the subject (identity writes the project id
     * there too). Empty for an event of another type or version.
     */
    public static Optional<String> projectOf(StratoEvent event) {
        if (!TYPE.equals(event.type())) {
            return Optional.empty();
        }
        JsonNode id = event.data() == null ? null : event.data().get("id");
        String project = id != null && id.isTextual() ? id.asText() : event.subject();
        return usable(project) ? Optional.of(project) : Optional.empty();
    }

    private static boolean usable(String project) {
        return project != null && !project.isBlank() && project.length() <= MAX_PROJECT_ID
                && project.chars().noneMatch(Character::isISOControl);
    }
}
