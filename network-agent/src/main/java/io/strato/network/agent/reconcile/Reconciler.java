package io.strato.network.agent.reconcile;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.plan.HostPlan;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.state.Snapshot;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The one thread that changes the host. It is level-triggered: whatever woke it (an event, a resync, the drift
 * timer), it plans from the current state and makes the host match: bridges first (taps need them), then the
 * firewall (one nft transaction), then DHCP and its metadata proxy, then the removal of bridges no longer wanted
 * ({@link HostApplier}). A failure is retried with back-off (1 s doubling to 60 s); events arriving meanwhile
 * only mark the state dirty, so a burst of changes costs one pass.
 */
public final class Reconciler implements Runnable {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final ClusterState state;
    private final HostPlanner planner;
    private final HostApplier host;
    private final StatusReports reports;
    private final String hostName;
    /** The revision each port was last reported up at, so a port is reported once per change, not per pass. */
    private final java.util.Map<java.util.UUID, Long> reported = new java.util.HashMap<>();
    private final Runnable resync;
    private final Duration driftInterval;
    private final Duration resyncInterval;

    private boolean dirty;
    private boolean resyncWanted = true;
    private volatile boolean running = true;
    private volatile long appliedGeneration = -1;
    private volatile boolean healthy;
    private Thread thread;

    public Reconciler(ClusterState state, HostPlanner planner, HostApplier host, Runnable resync,
            Duration driftInterval, Duration resyncInterval, String hostName, StatusReports reports) {
        this.hostName = hostName;
        this.reports = reports;
        this.state = state;
        this.planner = planner;
        this.host = host;
        this.resync = resync;
        this.driftInterval = driftInterval;
        this.resyncInterval = resyncInterval;
    }

    public synchronized void start() {
        thread = new Thread(this, "network-agent-reconciler");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
                host.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The state changed: plan and apply again soon. */
    public synchronized void requestRun() {
        dirty = true;
        notifyAll();
    }

    /** Events may have been missed: read everything from the API again. */
    public synchronized void requestResync() {
        resyncWanted = true;
        notifyAll();
    }

    /** The state generation the host was last made to match (-1 before the first success). */
    public long appliedGeneration() {
        return appliedGeneration;
    }

    /** Whether the last pass succeeded after at least one resync. */
    public boolean healthy() {
        return healthy;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofSeconds(1);
        long nextDrift = System.nanoTime();
        long nextResync = System.nanoTime() + resyncInterval.toNanos();
        while (running) {
            boolean doResync;
            synchronized (this) {
                long now = System.nanoTime();
                if (!dirty && !resyncWanted && now < nextDrift && now < nextResync) {
                    try {
                        long wait = Math.min(nextDrift, nextResync) - now;
                        wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    continue;
                }
                doResync = resyncWanted || now >= nextResync;
                resyncWanted = false;
                dirty = false;
            }
            try {
                if (doResync) {
                    resync.run();
                    nextResync = System.nanoTime() + resyncInterval.toNanos();
                }
                if (state.synced()) {
                    if (System.nanoTime() >= nextDrift) {
                        host.checkDrift();
                    }
                    apply();
                }
                nextDrift = System.nanoTime() + driftInterval.toNanos();
                backoff = Duration.ofSeconds(1);
            } catch (RuntimeException e) {
                healthy = false;
                LOG.errorf("reconcile failed (retrying in %s): %s", backoff, e.getMessage());
                LOG.debug("reconcile failure", e);
                synchronized (this) {
                    if (doResync) {
                        resyncWanted = true;
                    }
                    dirty = true;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void apply() {
        long start = System.nanoTime();
        Snapshot snapshot = state.snapshot();
        HostPlan plan = planner.plan(snapshot);
        java.util.Map<String, Integer> changes = host.apply(plan);
        appliedGeneration = snapshot.generation();
        healthy = true;
        report(snapshot, plan);
        if (!changes.isEmpty()) {
            LOG.infof("host matches generation %d (%d ports, %d bridges, %d DHCP servers, %d routers): changes %s in %d ms",
                    snapshot.generation(), plan.firewall().ports().size(), plan.bridges().size(), plan.dhcp().size(),
                    plan.routers().size(), changes, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Reports the ports of this host that network-service still shows DOWN, once per revision: guests' ports, and
     * the legs of the routers it has set up.
     */
    private void report(Snapshot snapshot, HostPlan plan) {
        reported.keySet().retainAll(snapshot.ports().keySet());
        java.util.Set<java.util.UUID> legs = new java.util.HashSet<>();
        plan.routers().forEach(r -> r.legs().forEach(l -> legs.add(l.portId())));
        for (PortInfo p : snapshot.ports().values()) {
            if (p.boundTo(hostName) && (!p.networkOwned() || legs.contains(p.id())) && p.adminStateUp()
                    && !"ACTIVE".equals(p.status())
                    && !Long.valueOf(p.revision()).equals(reported.get(p.id()))) {
                reports.portUp(p);
                reported.put(p.id(), p.revision());
            }
        }
    }

    private void sleep(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        synchronized (this) {
            while (running && System.nanoTime() < until) {
                try {
                    wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
