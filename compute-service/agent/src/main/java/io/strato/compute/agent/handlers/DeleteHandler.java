package io.strato.compute.agent.handlers;

import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;

/**
 * Destroys and undefines the domain and removes the instance's files; a server with no domain here is
 * deleted already (success). Cached images marked deleted that nothing uses any more are evicted.
 */
@Singleton
public class DeleteHandler extends HandlerBase<Commands.Delete> {

    private final ImageCache images;

    public DeleteHandler(GuestControl guests, ImageCache images) {
        super(Commands.DELETE, Commands.Delete.class, guests);
        this.images = images;
    }

    @Override
    public Outcome handle(Commands.Delete command) {
        var id = command.serverId();
        boolean existed = guests.libvirt().undefine(id);
        guests.store().remove(id);
        images.sweep(guests.store().imagesInUse());
        return Outcome.done(DomainPower.NOSTATE, existed ? "deleted" : "no domain on this host; nothing to delete");
    }
}
