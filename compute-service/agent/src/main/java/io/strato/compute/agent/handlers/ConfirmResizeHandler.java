package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

/** confirmResize: forgets what a revert would have restored (the kept definition and disk). Confirming twice succeeds. */
@Singleton
public class ConfirmResizeHandler extends HandlerBase<Commands.ConfirmResize> {

    public ConfirmResizeHandler(GuestControl guests) {
        super(Commands.CONFIRM_RESIZE, Commands.ConfirmResize.class, guests);
    }

    @Override
    public Outcome handle(Commands.ConfirmResize command) {
        UUID id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        InstanceStore store = guests.store();
        try {
            Files.deleteIfExists(store.definitionBeforeResize(id));
            Files.deleteIfExists(store.diskBeforeResize(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop what a revert of " + id + " would restore", e);
        }
        InstanceRecord record = guests.record(id);
        if (record.resize() != null) {
            store.write(record.withFlavor(record.flavor(), null));
        }
        return Outcome.done(guests.power(id), "resize confirmed");
    }
}
