package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records Nova's instance actions and their events, inside the caller's transaction. Action names are
 * Nova's (create, stop, start, reboot, resize, confirmResize, revertResize, delete); event names are
 * Nova's too (compute_stop_instance, compute__do_build_and_run_instance...).
 */
@ApplicationScoped
public class InstanceActions {
    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    /** Starts an action of {@code server} for the request {@code requestId}. */
    public Uni<InstanceAction> start(Server server, String action, String requestId, String userId) {
        InstanceAction a = new InstanceAction();
        a.id = UUID.randomUUID();
        a.serverId = server.id;
        a.requestId = requestId;
        a.action = action;
        a.projectId = server.projectId;
        a.userId = userId;
        a.startTime = now();
        a.updatedAt = a.startTime;
        return Panache.getSession().chain(s -> s.persist(a)).replaceWith(a);
    }

    /** Starts an event of an action; {@code eventId} is the agent command's id when the event waits for one. */
    public Uni<Void> event(UUID actionId, UUID eventId, String event, String host) {
        InstanceActionEvent e = new InstanceActionEvent();
        e.id = eventId == null ? UUID.randomUUID() : eventId;
        e.actionId = actionId;
        e.event = event;
        e.startTime = now();
        e.host = host;
        return Panache.getSession().chain(s -> s.persist(e));
    }

    /** Starts an event on the server's latest action (the saga's steps belong to the action that started it). */
    public Uni<Void> eventOnLatest(UUID serverId, UUID eventId, String event, String host) {
        return latest(serverId).chain(a -> a == null ? Uni.createFrom().voidItem() : event(a.id, eventId, event, host));
    }

    /** Starts and finishes an event at once. */
    public Uni<Void> completedOnLatest(UUID serverId, String event, String host, boolean ok, String details) {
        UUID id = UUID.randomUUID();
        return eventOnLatest(serverId, id, event, host).chain(() -> finish(id, ok, details));
    }

    /** Finishes an event; an unknown id (no event waited for that command) is ignored. */
    public Uni<Void> finish(UUID eventId, boolean ok, String details) {
        if (eventId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.find(InstanceActionEvent.class, eventId)).chain(e -> {
            if (e == null || e.finishTime != null) {
                return Uni.createFrom().voidItem();
            }
            e.finishTime = now();
            e.result = ok ? SUCCESS : ERROR;
            e.details = details == null ? null : details.length() > 255 ? details.substring(0, 255) : details;
            return Panache.getSession().chain(s -> s.find(InstanceAction.class, e.actionId)).invoke(a -> {
                if (a != null) {
                    a.updatedAt = e.finishTime;
                    if (!ok) {
                        a.message = ERROR;
                    }
                }
            }).replaceWithVoid();
        });
    }

    public Uni<InstanceAction> latest(UUID serverId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InstanceAction where serverId = :id order by startTime desc, id desc", InstanceAction.class)
                .setParameter("id", serverId).setMaxResults(1).getSingleResultOrNull());
    }

    public Uni<List<InstanceAction>> list(UUID serverId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InstanceAction where serverId = :id order by startTime desc, id desc", InstanceAction.class)
                .setParameter("id", serverId).getResultList());
    }

    public Uni<InstanceAction> byRequest(UUID serverId, String requestId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InstanceAction where serverId = :id and requestId = :rid order by startTime desc",
                        InstanceAction.class)
                .setParameter("id", serverId).setParameter("rid", requestId).setMaxResults(1).getSingleResultOrNull());
    }

    public Uni<List<InstanceActionEvent>> events(UUID actionId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from InstanceActionEvent where actionId = :id order by startTime, id", InstanceActionEvent.class)
                .setParameter("id", actionId).getResultList());
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
