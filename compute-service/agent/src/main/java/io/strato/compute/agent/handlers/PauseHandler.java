package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/** pause: stops the running domain's vCPUs (libvirt's suspend), as Nova's libvirt driver pauses. Pausing a paused domain succeeds. */
@Singleton
public class PauseHandler extends HandlerBase<Commands.Pause> {

    public PauseHandler(GuestControl guests) {
        super(Commands.PAUSE, Commands.Pause.class, guests);
    }

    @Override
    public Outcome handle(Commands.Pause command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        if (!guests.power(id).active()) {
            return Outcome.failed(guests.power(id), "the domain is not running");
        }
        guests.expect(id, ExpectedPower.PAUSED);
        DomainPower power = guests.libvirt().pause(id);
        return power == DomainPower.PAUSED ? Outcome.done(power, "paused") : Outcome.failed(power, "the domain did not pause");
    }
}
