package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/** unpause: lets the paused domain's vCPUs run again (libvirt's resume). Unpausing a running domain succeeds. */
@Singleton
public class UnpauseHandler extends HandlerBase<Commands.Unpause> {

    public UnpauseHandler(GuestControl guests) {
        super(Commands.UNPAUSE, Commands.Unpause.class, guests);
    }

    @Override
    public Outcome handle(Commands.Unpause command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        guests.expect(id, ExpectedPower.RUNNING);
        DomainPower power = guests.libvirt().unpause(id);
        return power.active() && power != DomainPower.PAUSED ? Outcome.done(power, "unpaused")
                : Outcome.failed(power, "the domain is not running");
    }
}
