package io.strato.compute.agent.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.testing.AgentFixture;
import io.strato.compute.protocol.Commands;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pause/unpause and suspend/resume against libvirt's test driver, each command delivered twice. */
class PauseSuspendHandlersTest {

    final AgentFixture fx = new AgentFixture();
    final SpawnHandler spawn = new SpawnHandler(fx.guests, fx.cache, fx.qemuImg, fx.configDrives);
    final StopHandler stop = new StopHandler(fx.guests);
    final RebootHandler reboot = new RebootHandler(fx.guests);
    final DeleteHandler delete = new DeleteHandler(fx.guests, fx.cache);
    final PauseHandler pause = new PauseHandler(fx.guests);
    final UnpauseHandler unpause = new UnpauseHandler(fx.guests);
    final SuspendHandler suspend = new SuspendHandler(fx.guests);
    final ResumeHandler resume = new ResumeHandler(fx.guests);
    final UUID id = UUID.randomUUID();

    @AfterEach
    void close() {
        fx.close();
    }

    private void spawned() {
        HandlersTest.assertDone(spawn.handle(fx.spawn(id, AgentFixture.policyFlavor(), fx.image())), DomainPower.RUNNING);
    }

    private DomainPower power() {
        return fx.libvirt.domain(id).orElseThrow().power();
    }

    private ExpectedPower expected() {
        return fx.store.read(id).orElseThrow().expected();
    }

    @Test
    void pauseStopsTheVcpusAndUnpauseLetsThemRunTwice() {
        spawned();
        var p = new Commands.Pause(UUID.randomUUID(), id);
        HandlersTest.assertDone(pause.handle(p), DomainPower.PAUSED);
        HandlersTest.assertDone(pause.handle(p), DomainPower.PAUSED);
        assertEquals(DomainPower.PAUSED, power());
        assertEquals(ExpectedPower.PAUSED, expected());
        var u = new Commands.Unpause(UUID.randomUUID(), id);
        HandlersTest.assertDone(unpause.handle(u), DomainPower.RUNNING);
        HandlersTest.assertDone(unpause.handle(u), DomainPower.RUNNING);
        assertEquals(ExpectedPower.RUNNING, expected());
    }

    @Test
    void suspendSavesAndStopsTheDomainAndResumeRestoresItTwice() {
        spawned();
        var s = new Commands.Suspend(UUID.randomUUID(), id);
        HandlersTest.assertDone(suspend.handle(s), DomainPower.SHUTOFF);
        assertTrue(fx.libvirt.hasManagedSave(id), "the memory is in libvirt's managed save image");
        HandlersTest.assertDone(suspend.handle(s), DomainPower.SHUTOFF);
        assertEquals(ExpectedPower.SUSPENDED, expected());
        var r = new Commands.Resume(UUID.randomUUID(), id);
        HandlersTest.assertDone(resume.handle(r), DomainPower.RUNNING);
        assertFalse(fx.libvirt.hasManagedSave(id), "the start restored the saved guest");
        HandlersTest.assertDone(resume.handle(r), DomainPower.RUNNING);
        assertEquals(ExpectedPower.RUNNING, expected());
    }

    @Test
    void aPausedGuestCanBeSuspendedAndAHardRebootBootsASuspendedOneAfresh() {
        spawned();
        pause.handle(new Commands.Pause(UUID.randomUUID(), id));
        HandlersTest.assertDone(suspend.handle(new Commands.Suspend(UUID.randomUUID(), id)), DomainPower.SHUTOFF);
        HandlersTest.assertDone(reboot.handle(new Commands.Reboot(UUID.randomUUID(), id, true)), DomainPower.RUNNING);
        assertFalse(fx.libvirt.hasManagedSave(id));
    }

    @Test
    void aSuspendedDomainIsDeletedWithItsSavedMemory() {
        spawned();
        suspend.handle(new Commands.Suspend(UUID.randomUUID(), id));
        HandlersTest.assertDone(delete.handle(new Commands.Delete(UUID.randomUUID(), id)), DomainPower.NOSTATE);
        assertTrue(fx.libvirt.domain(id).isEmpty());
    }

    @Test
    void aStoppedOrMissingDomainCannotBePausedOrSuspended() {
        assertFalse(pause.handle(new Commands.Pause(UUID.randomUUID(), id)).success());
        assertFalse(resume.handle(new Commands.Resume(UUID.randomUUID(), id)).success());
        spawned();
        stop.handle(new Commands.Stop(UUID.randomUUID(), id));
        assertFalse(pause.handle(new Commands.Pause(UUID.randomUUID(), id)).success());
        assertFalse(suspend.handle(new Commands.Suspend(UUID.randomUUID(), id)).success());
        assertEquals(DomainPower.SHUTOFF, power());
    }
}
