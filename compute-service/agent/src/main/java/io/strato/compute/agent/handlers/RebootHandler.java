package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/**
 * reboot SOFT: a clean shutdown (hard power-off after the shutdown timeout, as Nova falls back to a hard
 * reboot) and a start. reboot HARD: power off at once, define the domain again from the agent's record
 * (repairing a definition that drifted, as Nova's hard reboot does) and start it.
 */
@Singleton
public class RebootHandler extends HandlerBase<Commands.Reboot> {

    public RebootHandler(GuestControl guests) {
        super(Commands.REBOOT, Commands.Reboot.class, guests);
    }

    @Override
    public Outcome handle(Commands.Reboot command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        guests.expect(id, ExpectedPower.RUNNING);
        if (command.hard()) {
            guests.libvirt().destroy(id);
            guests.libvirt().discardManagedSave(id); // a suspended guest boots afresh, as after a power cycle
            guests.store().read(id).ifPresent(r -> guests.define(r, r.flavor()));
        } else {
            guests.powerOff(id);
        }
        return Outcome.done(guests.libvirt().start(id), command.hard() ? "hard rebooted" : "rebooted");
    }
}
