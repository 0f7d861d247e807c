package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/**
 * suspend: saves the guest's memory to libvirt's managed save image and stops the domain, as Nova's libvirt
 * driver suspends. Suspending a suspended domain succeeds; a domain that is off without a saved image fails.
 */
@Singleton
public class SuspendHandler extends HandlerBase<Commands.Suspend> {

    public SuspendHandler(GuestControl guests) {
        super(Commands.SUSPEND, Commands.Suspend.class, guests);
    }

    @Override
    public Outcome handle(Commands.Suspend command) {
        var id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        if (!guests.power(id).active() && !guests.libvirt().hasManagedSave(id)) {
            return Outcome.failed(guests.power(id), "the domain is not running");
        }
        guests.expect(id, ExpectedPower.SUSPENDED);
        DomainPower power = guests.libvirt().managedSave(id);
        return power.active() ? Outcome.failed(power, "the domain was not saved") : Outcome.done(power, "suspended");
    }
}
