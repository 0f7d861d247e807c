package io.strato.compute.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import io.strato.compute.agent.handlers.PauseHandler;
import io.strato.compute.agent.handlers.SpawnHandler;
import io.strato.compute.agent.handlers.SuspendHandler;
import io.strato.compute.agent.handlers.StopHandler;
import io.strato.compute.agent.messaging.CommandDispatcher;
import io.strato.kit.events.StratoEvent;
import java.time.OffsetDateTime;
import io.strato.compute.agent.messaging.ReportSink;
import io.strato.compute.agent.messaging.SerialLanes;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drift between libvirt and what the last command left: reported once as a ServerState, as Nova's power sync sees it. */
class ReconcilerTest {

    final AgentFixture fx = new AgentFixture();
    final List<Object> sent = new CopyOnWriteArrayList<>();
    final ReportSink sink = (report, subject, data) -> sent.add(data);
    final SerialLanes lanes = new SerialLanes(2);
    final Reconciler reconciler = new Reconciler(fx.libvirt, fx.store, lanes, sink, "host-a");
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
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
    void pausedAndSuspendedDomainsAreInStepUntilTheyRunBehindTheAgentsBack() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        new PauseHandler(fx.guests).handle(new Commands.Pause(UUID.randomUUID(), id));
        assertEquals(List.of(), states(), "a paused domain is what pause left");
        new SuspendHandler(fx.guests).handle(new Commands.Suspend(UUID.randomUUID(), id));
        assertEquals(List.of(), states(), "a saved, stopped domain is what suspend left");
        fx.libvirt.start(id); // restored from its managed save without a resume command
        List<Reports.ServerState> states = states();
        assertEquals(1, states.size());
        assertEquals(Reports.RUNNING, states.get(0).powerState());
    }

    @Test
    void aPausedDomainThatRunsAgainIsReported() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        new PauseHandler(fx.guests).handle(new Commands.Pause(UUID.randomUUID(), id));
        fx.libvirt.unpause(id);
        assertEquals(1, states().size());
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
    void aCheckWaitsForTheCommandInTheServersLane() throws Exception {
        assertTrue(spawn.handle(fx.spawn(id)).success());
        // a command of the server, in the lane CommandConsumer gives it (the event's subject), takes the domain
        // through a state the record does not expect yet (as a spawn between its record and its start does)
        StratoEvent event = new StratoEvent(UUID.randomUUID(), "strato.compute.command.reboot", "/compute",
                id.toString(), OffsetDateTime.now(), NullNode.getInstance());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> command = lanes.submit(CommandDispatcher.laneKey(event), () -> {
            fx.libvirt.destroy(id);
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fx.libvirt.start(id);
        });
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> check = reconciler.reconcile();
        Thread.sleep(300); // a check in a lane of its own would have run by now
        assertFalse(check.isDone(), "the check waits behind the command");
        release.countDown();
        command.get(10, TimeUnit.SECONDS);
        check.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), sent, "no drift reported for a domain a command was working on");
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
