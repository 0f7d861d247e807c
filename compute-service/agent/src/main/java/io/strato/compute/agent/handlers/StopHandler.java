package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/** os-stop: a clean shutdown (ACPI, then power off after the shutdown timeout). Stopping a stopped domain succeeds. */
@Singleton
public class StopHandler extends HandlerBase<Commands.Stop> {

    public StopHandler(GuestControl guests) {
        super(Commands.STOP, Commands.Stop.class, guests);
    }

    @Override
    public Outcome handle(Commands.Stop command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        guests.expect(id, ExpectedPower.SHUTOFF);
        DomainPower power = guests.powerOff(id);
        return power.active() ? Outcome.failed(power, "the domain did not stop")
                : Outcome.done(power, "stopped");
    }
}
