package io.strato.compute.volumes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.clients.Volumes;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps attachments from sticking. Every {@code strato.compute.volumes.watchdog-interval} (default 5s) it
 * takes the rows past their deadline, each in its own transaction:
 * <ul>
 * <li>an agent answer volume-service could not be told yet: told again ({@link VolumeResults#settle});</li>
 * <li>an attach the agent never answered: failed; the attachment at volume-service is deleted (the volume is
 *     available), the agent is sent a detach (should it attach late) and the row goes;</li>
 * <li>a detach the agent never answered: rolled back to {@code attached} (the user may detach again).</li>
 * </ul>
 * Everything is in the rows, so after a restart of compute-service the next sweep carries on.
 */
@ApplicationScoped
public class AttachmentWatchdog {
    private static final Logger LOG = Logger.getLogger(AttachmentWatchdog.class);
    static final String NO_ANSWER = "The host's agent did not answer in time.";
    private static final int BATCH = 20;

    private final ServerRepository servers;
    private final VolumeAttachmentRepository rows;
    private final VolumeResults results;
    private final Volumes volumes;
    private final InstanceActions actions;
    private final SagaConfig config;

    AttachmentWatchdog(ServerRepository servers, VolumeAttachmentRepository rows, VolumeResults results,
                       Volumes volumes, InstanceActions actions, SagaConfig config) {
        this.servers = servers;
        this.rows = rows;
        this.results = results;
        this.volumes = volumes;
        this.actions = actions;
        this.config = config;
    }

    @Scheduled(identity = "strato-compute-volume-watchdog", every = "${strato.compute.volumes.watchdog-interval:5s}",
            delayed = "${strato.compute.volumes.watchdog-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        if (!config.worker().enabled()) {
            return;
        }
        try {
            sweep();
        } catch (Throwable e) {
            LOG.warnf("volume attachment watchdog failed: %s", e.getMessage());
        }
    }

    /** One sweep (blocking; not on an event loop): how many overdue rows it handled. */
    public int sweep() throws Throwable {
        List<Object[]> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> rows.overdue(BATCH)));
        for (Object[] row : due) {
            UUID serverId = (UUID) row[0];
            UUID volumeId = (UUID) row[1];
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> expire(serverId, volumeId)));
            } catch (Throwable e) {
                LOG.warnf(e, "volume %s of server %s: the watchdog's step failed; retrying later", volumeId, serverId);
            }
        }
        return due.size();
    }

    Uni<Void> expire(UUID serverId, UUID volumeId) {
        return servers.lock(serverId).chain(() -> rows.lock(volumeId)).chain(a -> {
            Instant now = InstanceActions.now();
            if (a == null || a.deadline == null || a.deadline.isAfter(now)) {
                return Uni.createFrom().voidItem(); // settled meanwhile
            }
            if (a.agentResult != null) {
                return results.settle(a);
            }
            LOG.warnf("volume %s of server %s: %s passed its deadline %s", volumeId, serverId, a.status, a.deadline);
            UUID waitedFor = a.commandId;
            if (VolumeAttachment.ATTACHING.equals(a.status)) {
                return volumes.delete(a.projectId, a.attachmentId)
                        .chain(() -> results.unplug(a))
                        .chain(() -> actions.finish(waitedFor, false, NO_ANSWER))
                        .chain(() -> rows.remove(a))
                        .onFailure(RemoteFailure.class).recoverWithUni(e -> results.retryLater(a, e));
            }
            VolumeResults.rest(a, VolumeAttachment.ATTACHED);
            return actions.finish(waitedFor, false, NO_ANSWER);
        });
    }
}
