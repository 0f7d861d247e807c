package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/** resume: starts the suspended domain, which libvirt restores from its managed save image. Resuming a running domain succeeds. */
@Singleton
public class ResumeHandler extends HandlerBase<Commands.Resume> {

    public ResumeHandler(GuestControl guests) {
        super(Commands.RESUME, Commands.Resume.class, guests);
    }

    @Override
    public Outcome handle(Commands.Resume command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        guests.expect(id, ExpectedPower.RUNNING);
        DomainPower power = guests.libvirt().start(id);
        return power.active() ? Outcome.done(power, "resumed") : Outcome.failed(power, "the domain did not start");
    }
}
