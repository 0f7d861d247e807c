package io.strato.volume.attachments;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The backstop of attachments: every {@code strato.volume.attachments.sweep-interval}, and once at start (so a
 * restart settles what a stopped process left), gives up what passed {@code strato.volume.attachments.deadline}
 * (see {@link AttachmentExpiry}), so no volume stays reserved, attaching or detaching when its caller went away.
 */
@ApplicationScoped
public class AttachmentSweep {
    private static final Logger LOG = Logger.getLogger(AttachmentSweep.class);

    private final AttachmentExpiry expiry;
    private final AttachmentConfig config;

    public AttachmentSweep(AttachmentExpiry expiry, AttachmentConfig config) {
        this.expiry = expiry;
        this.config = config;
    }

    void onStart(@Observes StartupEvent started) {
        Infrastructure.getDefaultWorkerPool().execute(this::run);
    }

    @Scheduled(identity = "strato-volume-attachment-sweep", every = "${strato.volume.attachments.sweep-interval:30s}",
            delayed = "${strato.volume.attachments.sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            sweep(Instant.now().minus(config.deadline()));
        } catch (Throwable e) {
            LOG.error("the attachment sweep failed; it runs again at its next interval", e);
        }
    }

    /** Gives up the attachments and attach statuses unchanged since before {@code cutoff}; returns how many. */
    public int sweep(Instant cutoff) throws Throwable {
        int settled = 0;
        List<UUID> stale = VertxContextSupport.subscribeAndAwait(() -> expiry.staleAttachments(cutoff));
        for (UUID id : stale) {
            if (VertxContextSupport.subscribeAndAwait(() -> expiry.expire(id, cutoff))) {
                settled++;
                LOG.infof("attachment %s passed its deadline and was deleted", id);
            }
        }
        List<UUID> volumes = VertxContextSupport.subscribeAndAwait(() -> expiry.staleVolumes(cutoff));
        for (UUID id : volumes) {
            if (VertxContextSupport.subscribeAndAwait(() -> expiry.settle(id, cutoff))) {
                settled++;
                LOG.infof("volume %s stayed attaching or detaching past the deadline and was settled", id);
            }
        }
        return settled;
    }
}
