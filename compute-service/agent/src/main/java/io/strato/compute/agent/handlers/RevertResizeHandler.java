package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * revertResize: powers the guest off, defines the domain kept before the resize (or, if that file is
 * gone, builds it again with the old flavor), puts the old disk back, and starts the guest if it ran
 * before the resize (as Nova's revert does). Reverting twice succeeds.
 */
@Singleton
public class RevertResizeHandler extends HandlerBase<Commands.RevertResize> {

    public RevertResizeHandler(GuestControl guests) {
        super(Commands.REVERT_RESIZE, Commands.RevertResize.class, guests);
    }

    @Override
    public Outcome handle(Commands.RevertResize command) {
        UUID id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        InstanceRecord record = guests.record(id);
        if (record.resize() == null && record.flavor().equals(command.oldFlavor())) {
            return Outcome.done(guests.power(id), "reverted already");
        }
        boolean wasRunning = record.resize() != null ? record.resize().wasRunning() : guests.power(id).active();
        DomainPower power = restore(guests, id, command.oldFlavor(), wasRunning);
        return Outcome.done(power, "resize reverted to flavor " + command.oldFlavor().name());
    }

    /** Puts the pre-resize domain and disk back and starts the guest if it ran; used by a failed resize too. */
    static DomainPower restore(GuestControl guests, UUID id, Commands.Flavor oldFlavor, boolean wasRunning) {
        InstanceStore store = guests.store();
        InstanceRecord record = guests.record(id);
        guests.powerOff(id);
        try {
            if (Files.exists(store.diskBeforeResize(id))) {
                Files.move(store.diskBeforeResize(id), store.disk(id), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the pre-resize disk of " + id + " back", e);
        }
        InstanceRecord reverted = record.withFlavor(oldFlavor, null)
                .withExpected(wasRunning ? ExpectedPower.RUNNING : ExpectedPower.SHUTOFF);
        var kept = store.readText(store.definitionBeforeResize(id));
        if (kept.isPresent()) {
            guests.defineXml(id, kept.get());
        } else {
            guests.define(reverted, oldFlavor);
        }
        store.write(reverted);
        deleteQuietly(store, id);
        return wasRunning ? guests.libvirt().start(id) : guests.power(id);
    }

    private static void deleteQuietly(InstanceStore store, UUID id) {
        try {
            Files.deleteIfExists(store.definitionBeforeResize(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the kept definition of " + id, e);
        }
    }
}
