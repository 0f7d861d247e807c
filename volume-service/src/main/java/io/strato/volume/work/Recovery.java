package io.strato.volume.work;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** At start, on a worker thread, settles every {@link InterruptedWork} (volumes', snapshots') a stop left transient. */
@ApplicationScoped
public class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class);

    private final List<InterruptedWork> owners;

    public Recovery(@All List<InterruptedWork> owners) {
        this.owners = owners;
    }

    void onStart(@Observes StartupEvent started) {
        Instant now = Instant.now();
        Infrastructure.getDefaultWorkerPool().execute(() -> settle(now));
    }

    void settle(Instant startedAt) {
        for (InterruptedWork owner : owners) {
            try {
                int settled = owner.settle(startedAt);
                if (settled > 0) {
                    LOG.infof("settled %d %s left in a transient status", settled, owner.what());
                }
            } catch (Throwable e) {
                LOG.error("could not settle the " + owner.what() + " a stop interrupted", e);
            }
        }
    }
}
