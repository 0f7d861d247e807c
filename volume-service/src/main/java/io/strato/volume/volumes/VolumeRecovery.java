package io.strato.volume.volumes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, settles the volumes a stop interrupted, so none stays in a transient status: a delete is
 * resumed (the backend forgets a missing file), a create or an extend is failed with the reason
 * (its partial file, if any, goes with the volume's delete).
 */
@ApplicationScoped
public class VolumeRecovery {
    private static final Logger LOG = Logger.getLogger(VolumeRecovery.class);
    static final String INTERRUPTED = "interrupted by a restart of volume-service";

    private final VolumeService service;
    private final VolumeWorker worker;

    public VolumeRecovery(VolumeService service, VolumeWorker worker) {
        this.service = service;
        this.worker = worker;
    }

    void onStart(@Observes StartupEvent started) {
        Instant now = Instant.now();
        Infrastructure.getDefaultWorkerPool().execute(() -> settle(now));
    }

    /** Settles what was left transient before {@code startedAt} (later changes belong to this process). */
    void settle(Instant startedAt) {
        try {
            List<Volume> left = VertxContextSupport.subscribeAndAwait(() -> service.interrupted(startedAt));
            for (Volume v : left) {
                switch (v.status) {
                    case VolumeStatus.DELETING -> worker.delete(v.id);
                    case VolumeStatus.CREATING -> VertxContextSupport.subscribeAndAwait(
                            () -> service.finishCreate(v.id, v.providerLocation, INTERRUPTED));
                    case VolumeStatus.EXTENDING -> VertxContextSupport.subscribeAndAwait(
                            () -> service.finishExtend(v.id, INTERRUPTED));
                    default -> { }
                }
            }
            if (!left.isEmpty()) {
                LOG.infof("settled %d volume(s) left in a transient status", left.size());
            }
        } catch (Throwable e) {
            LOG.error("could not settle the volumes a stop interrupted", e);
        }
    }
}
