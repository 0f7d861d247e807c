package io.strato.compute.saga;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.servers.PendingWork;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerRepository;
import io.strato.compute.servers.VmStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drives every server saga from the database: each poll (every {@code worker.interval}, and right after an
 * API commit or a finished step) finds servers with work to do and runs one step for each, in its own
 * transaction on its row taken with {@code FOR UPDATE SKIP LOCKED} — so a server is worked on by one worker
 * at a time, across threads and across compute-service instances. Nothing lives only in memory: after a
 * crash or restart the next poll simply continues where the rows say. Overdue tasks go to the {@link Watchdog}.
 */
@ApplicationScoped
public class SagaWorker implements PendingWork {
    private static final Logger LOG = Logger.getLogger(SagaWorker.class);

    /** Servers with a step the worker runs (the others wait for an agent or a user). */
    static final String DUE = "select id from server where (task_state in ('scheduling', 'networking')"
            + " or (task_state = 'deleting' and command_id is null) or (pending_cleanup and task_state is null)"
            + " or (task_state is not null and deadline < now()))"
            + " and (retry_at is null or retry_at <= now()) order by updated_at limit :n";

    private final ServerRepository servers;
    private final BuildSteps build;
    private final Teardown teardown;
    private final Watchdog watchdog;
    private final SagaConfig config;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** Servers whose last step failed unexpectedly, with when to try again (no hot loop on a broken row). */
    private final Map<UUID, Instant> backoff = new ConcurrentHashMap<>();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    SagaWorker(ServerRepository servers, BuildSteps build, Teardown teardown, Watchdog watchdog, SagaConfig config) {
        this.servers = servers;
        this.build = build;
        this.teardown = teardown;
        this.watchdog = watchdog;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.worker().enabled()) {
            LOG.info("saga worker disabled (strato.compute.worker.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "strato-saga-worker");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        signal.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls now instead of at the next interval (after a commit that gave the worker something to do). */
    @Override
    public void wake() {
        signal.release();
    }

    private void loop() {
        long interval = Math.max(10, config.worker().interval().toMillis());
        while (running) {
            try {
                signal.tryAcquire(interval, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                if (running) {
                    poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                LOG.warnf("saga worker poll failed: %s", e.getMessage());
                pause(1000);
            }
        }
    }

    private void poll() throws Throwable {
        int room = config.worker().concurrency() - inFlight.size();
        if (room <= 0) {
            return;
        }
        List<UUID> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(DUE, UUID.class).setParameter("n", room + inFlight.size()).getResultList())));
        Instant now = Instant.now();
        backoff.values().removeIf(until -> until.isBefore(now));
        for (UUID id : due) {
            if (inFlight.size() >= config.worker().concurrency()) {
                break;
            }
            if (!backoff.containsKey(id) && inFlight.add(id)) {
                dispatch(id);
            }
        }
    }

    private void dispatch(UUID id) {
        VertxContextSupport.<Boolean>subscribe(() -> Multi.createFrom().uni(Panache.withTransaction(() -> step(id))),
                s -> s.with(progressed -> {
                    inFlight.remove(id);
                    if (progressed) {
                        wake(); // the next step of this server may be due now
                    }
                }, failure -> {
                    inFlight.remove(id);
                    backoff.put(id, Instant.now().plus(config.worker().retryDelay()));
                    LOG.warnf(failure, "server %s: saga step failed; retrying later", id);
                }));
    }

    /** One step for one server, chosen from its row as it is once locked; true when a step ran. */
    Uni<Boolean> step(UUID id) {
        return servers.tryLock(id).chain(s -> {
            if (s == null) {
                return Uni.createFrom().item(false); // gone, or another worker holds it
            }
            Instant now = Instant.now();
            if (s.retryAt != null && s.retryAt.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            if (s.taskState != null && s.deadline != null && s.deadline.isBefore(now)) {
                return watchdog.expire(s).replaceWith(true);
            }
            Uni<Void> step = next(s);
            return step == null ? Uni.createFrom().item(false) : step.map(v -> s.retryAt == null);
        });
    }

    /** The step the server's row asks for, or null when it waits for an agent or a user. */
    private Uni<Void> next(Server s) {
        if (VmStates.DELETING.equals(s.taskState)) {
            return s.commandId == null ? teardown.finishDelete(s) : null;
        }
        if (VmStates.SCHEDULING.equals(s.taskState)) {
            return build.schedule(s);
        }
        if (VmStates.NETWORKING.equals(s.taskState)) {
            return build.network(s);
        }
        if (s.pendingCleanup && s.taskState == null) {
            return teardown.cleanUp(s);
        }
        return null;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
