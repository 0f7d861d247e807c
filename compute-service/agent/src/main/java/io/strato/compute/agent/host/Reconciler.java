package io.strato.compute.agent.host;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.DomainStatus;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.agent.messaging.CommandDispatcher;
import io.strato.compute.agent.messaging.ReportSink;
import io.strato.compute.agent.messaging.SerialLanes;
import io.strato.compute.protocol.Reports;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Compares each instance's domain with the power state its last command left it in, as Nova's power
 * state sync does, and reports drift as {@link Reports.ServerState}: a domain that stopped or crashed
 * without a stop command, one that runs though it was stopped, or one that vanished. Each check runs in
 * the server's lane, so it never sees a domain halfway through a command. A drift is reported once
 * (again after an agent restart); a later command that matches the domain clears it.
 */
public final class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** What was last reported for a server, to report each drift once. */
    private record Observed(DomainPower power, boolean exists) {
    }

    private final LibvirtHost libvirt;
    private final InstanceStore store;
    private final SerialLanes lanes;
    private final ReportSink reports;
    private final String host;
    private final Map<UUID, Observed> reported = new ConcurrentHashMap<>();

    public Reconciler(LibvirtHost libvirt, InstanceStore store, SerialLanes lanes, ReportSink reports, String host) {
        this.libvirt = libvirt;
        this.store = store;
        this.lanes = lanes;
        this.reports = reports;
        this.host = host;
    }

    /** Checks every instance the agent has a record of; the future completes when all checks ran. */
    public CompletableFuture<Void> reconcile() {
        var checks = store.all().stream()
                .map(r -> lanes.submit(CommandDispatcher.laneKey(r.serverId()), () -> check(r.serverId())))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(checks);
    }

    void check(UUID serverId) {
        Optional<InstanceRecord> record = store.read(serverId);
        if (record.isEmpty()) {
            reported.remove(serverId); // deleted meanwhile
            return;
        }
        Optional<DomainStatus> domain = libvirt.domain(serverId);
        Observed now = new Observed(domain.map(DomainStatus::power).orElse(DomainPower.NOSTATE), domain.isPresent());
        if (!drifted(record.get().expected(), now)) {
            reported.remove(serverId);
            return;
        }
        if (now.equals(reported.get(serverId))) {
            return;
        }
        LOG.warnf("server %s: expected %s, but its domain is %s", serverId, record.get().expected(),
                now.exists() ? now.power() : "gone");
        try {
            reports.send(Reports.SERVER_STATE, serverId.toString(), new Reports.ServerState(serverId, host,
                    now.power().novaPowerState(), now.exists(), Instant.now()));
            reported.put(serverId, now);
        } catch (ReportSink.ReportNotSent e) {
            LOG.warnf("drift of %s not reported yet: %s", serverId, e.getMessage());
        }
    }

    private static boolean drifted(ExpectedPower expected, Observed now) {
        if (!now.exists()) {
            return true;
        }
        return switch (expected) {
            case RUNNING -> !now.power().active() || now.power() == DomainPower.PAUSED;
            case SHUTOFF, SUSPENDED -> now.power().active();
            case PAUSED -> now.power() != DomainPower.PAUSED;
        };
    }
}
