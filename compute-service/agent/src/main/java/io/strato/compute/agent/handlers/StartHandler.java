package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/** os-start: starts the defined domain; starting a running one succeeds. */
@Singleton
public class StartHandler extends HandlerBase<Commands.Start> {

    public StartHandler(GuestControl guests) {
        super(Commands.START, Commands.Start.class, guests);
    }

    @Override
    public Outcome handle(Commands.Start command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        guests.expect(id, ExpectedPower.RUNNING);
        return Outcome.done(guests.libvirt().start(id), "started");
    }
}
