package io.strato.compute.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.handlers.SpawnHandler;
import io.strato.compute.agent.handlers.StopHandler;
import io.strato.compute.agent.messaging.ReportSink;
import io.strato.compute.agent.messaging.SerialLanes;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drift between libvirt and what the last command left: reported once as a ServerState, as Nova's power sync sees it. */
class ReconcilerTest {

    final AgentFixture fx = new AgentFixture();
    final List<Object> sent = new CopyOnWriteArrayList<>();
    final ReportSink sink = (report, subject, data) -> sent.add(data);
    final SerialLanes lanes = new SerialLanes(2);
    final Reconciler reconciler = new Reconciler(fx.libvirt, fx.store, lanes, sink, "host-a");
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg);
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        lanes.close();
        fx.close();
    }

    List<Reports.ServerState> states() throws Exception {
        reconciler.reconcile().get();
        return sent.stream().filter(Reports.ServerState.class::isInstance).map(Reports.ServerState.class::cast)
                .toList();
    }

    @Test
    void aDomainInStepWithItsLastCommandIsNotReported() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        assertEquals(List.of(), states());
        new StopHandler(fx.guests).handle(new Commands.Stop(UUID.randomUUID(), id));
        assertEquals(List.of(), states());
    }

    @Test
    void aDomainDestroyedBehindTheAgentsBackIsReportedOnce() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        fx.libvirt.destroy(id); // not through a command: as if the guest powered itself off or QEMU died
        List<Reports.ServerState> states = states();
        assertEquals(1, states.size());
        Reports.ServerState s = states.get(0);
        assertEquals(id, s.serverId());
        assertEquals("host-a", s.host());
        assertEquals(Reports.SHUTDOWN, s.powerState());
        assertTrue(s.domainExists());
        assertEquals(1, states().size(), "the same drift is not reported again");
    }

    @Test
    void aVanishedDomainIsReportedAsGone() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        fx.libvirt.undefine(id);
        List<Reports.ServerState> states = states();
        assertEquals(1, states.size());
        assertFalse(states.get(0).domainExists());
        assertEquals(Reports.NOSTATE, states.get(0).powerState());
    }

    @Test
    void aStoppedDomainStartedBehindTheAgentsBackIsReported() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        new StopHandler(fx.guests).handle(new Commands.Stop(UUID.randomUUID(), id));
        fx.libvirt.start(id);
        List<Reports.ServerState> states = states();
        assertEquals(1, states.size());
        assertEquals(Reports.RUNNING, states.get(0).powerState());
    }

    @Test
    void driftClearedByACommandIsReportedAgainWhenItReturns() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        fx.libvirt.destroy(id);
        assertEquals(1, states().size());
        fx.libvirt.start(id); // back in step: nothing to report, and the memory of the drift is dropped
        assertEquals(1, states().size());
        fx.libvirt.destroy(id);
        assertEquals(2, states().size());
    }

    @Test
    void anUnsentReportIsTriedAgainNextRound() throws Exception {
        List<Object> delivered = new CopyOnWriteArrayList<>();
        boolean[] down = {true};
        ReportSink flaky = (report, subject, data) -> {
            if (down[0]) {
                throw new ReportSink.ReportNotSent("broker down", null);
            }
            delivered.add(data);
        };
        Reconciler r = new Reconciler(fx.libvirt, fx.store, lanes, flaky, "host-a");
        assertTrue(spawn.handle(fx.spawn(id)).success());
        fx.libvirt.destroy(id);
        r.reconcile().get();
        assertEquals(0, delivered.size());
        down[0] = false;
        r.reconcile().get();
        assertEquals(1, delivered.size());
    }
}
