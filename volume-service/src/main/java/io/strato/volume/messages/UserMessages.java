package io.strato.volume.messages;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.kit.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cinder's user messages: recorded in the transaction of the failure they tell of, kept at least 30 days (Cinder's
 * message_ttl), listed, shown and deleted by the project they belong to (any project's by an admin).
 */
@ApplicationScoped
public class UserMessages {
    /** Cinder's default message_ttl. */
    static final Duration TTL = Duration.ofDays(30);

    /**
     * What happened, in Cinder's message_field terms: the action (its id and words) and the detail (its id and words).
     * The event id is Cinder's {@code VOLUME_<resource>_<action>_<detail>}.
     */
    public record Event(String resourceType, String actionId, String action, String detailId, String detail) {
        /** Cinder's SCHEDULE_ALLOCATE_VOLUME / NO_BACKEND_AVAILABLE. */
        public static final Event NO_VALID_BACKEND = new Event("VOLUME", "001", "schedule allocate volume", "003",
                "Could not find any available weighted backend.");
        /** Cinder's CREATE_VOLUME_FROM_BACKEND / DRIVER_FAILED_CREATE: the backend could not make the volume. */
        public static final Event DRIVER_FAILED_CREATE = new Event("VOLUME", "008", "create volume from backend storage",
                "012", "Driver failed to create the volume.");
        /** Cinder's COPY_IMAGE_TO_VOLUME / NOT_ENOUGH_SPACE_FOR_IMAGE: no room to download and convert the image. */
        public static final Event NOT_ENOUGH_SPACE_FOR_IMAGE = new Event("VOLUME", "005", "copy image to volume", "007",
                "Image used for creating volume exceeds available space.");
        /** Cinder's EXTEND_VOLUME / DRIVER_FAILED_EXTEND. */
        public static final Event DRIVER_FAILED_EXTEND = new Event("VOLUME", "007", "extend volume", "010",
                "Volume Driver failed to extend volume.");
        /** Cinder's COPY_VOLUME_TO_IMAGE / FAILED_TO_UPLOAD_VOLUME. */
        public static final Event FAILED_TO_UPLOAD_VOLUME = new Event("VOLUME", "003", "copy volume to image", "004",
                "Failed to upload volume to image at backend.");
        /** Cinder's SNAPSHOT_CREATE / SNAPSHOT_CREATE_ERROR, about the snapshot. */
        public static final Event SNAPSHOT_CREATE_ERROR = new Event("VOLUME_SNAPSHOT", "009", "create snapshot", "013",
                "Snapshot failed to create.");

        String eventId() {
            return "VOLUME_" + resourceType + "_" + actionId + "_" + detailId;
        }
    }

    private final UserMessageRepository messages;
    private final Instance<CurrentVertxRequest> request;

    public UserMessages(UserMessageRepository messages, Instance<CurrentVertxRequest> request) {
        this.messages = messages;
        this.request = request;
    }

    /** Records an ERROR message for {@code projectId} about {@code resource}, in the caller's transaction. */
    public Uni<Void> error(String projectId, UUID resource, Event event) {
        UserMessage m = new UserMessage();
        m.id = UUID.randomUUID();
        m.projectId = projectId;
        m.requestId = requestId();
        m.resourceType = event.resourceType();
        m.resourceUuid = resource;
        m.eventId = event.eventId();
        m.messageLevel = "ERROR";
        m.userMessage = event.action() + ":" + event.detail();
        m.createdAt = Instant.now();
        m.expiresAt = m.createdAt.plus(TTL);
        return messages.persist(m).replaceWithVoid();
    }

    /** The id of the request being served (Cinder keeps it with the message), or a new one outside a request. */
    private String requestId() {
        try {
            String id = RequestIds.current(request.get().getCurrent());
            return id != null ? id : RequestIds.accept(null);
        } catch (RuntimeException outsideARequest) {
            return RequestIds.accept(null);
        }
    }

    @WithSession
    public Uni<List<UserMessage>> list(Caller caller, boolean admin) {
        return admin ? messages.list("expiresAt > ?1 order by createdAt desc, id", Instant.now())
                : messages.list("projectId = ?1 and expiresAt > ?2 order by createdAt desc, id", caller.projectId(), Instant.now());
    }

    @WithSession
    public Uni<UserMessage> show(Caller caller, boolean admin, String id) {
        UUID uuid = Ids.orNull(id);
        Uni<UserMessage> found = uuid == null ? Uni.createFrom().nullItem() : messages.findById(uuid);
        return found.map(m -> {
            if (m == null || !admin && !m.projectId.equals(caller.projectId())) {
                throw new NotFound("Message " + id + " could not be found.");
            }
            return m;
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, boolean admin, String id) {
        return show(caller, admin, id).flatMap(messages::deleteRow);
    }
}
