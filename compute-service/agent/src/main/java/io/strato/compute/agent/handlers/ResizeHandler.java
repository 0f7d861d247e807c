package io.strato.compute.agent.handlers;

import io.strato.compute.agent.domain.InvalidResourcePolicy;
import io.strato.compute.agent.domain.ResourcePolicy;
import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.instances.QemuImg;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resize on the same host: keeps the current definition ({@code domain.xml.resize}) and, when the root
 * disk grows, a copy of the overlay ({@code disk.resize}) for a revert; powers the guest off cleanly,
 * defines the domain with the new flavor, grows the disk, and starts it again if it ran. Delivered
 * twice, the second finds the new flavor in place and succeeds. A failure puts the old domain back.
 */
@Singleton
public class ResizeHandler extends HandlerBase<Commands.Resize> {

    private static final Logger LOG = Logger.getLogger(ResizeHandler.class);
    private static final long GIB = 1024L * 1024 * 1024;

    private final QemuImg qemuImg;

    public ResizeHandler(GuestControl guests, QemuImg qemuImg) {
        super(Commands.RESIZE, Commands.Resize.class, guests);
        this.qemuImg = qemuImg;
    }

    @Override
    public Outcome handle(Commands.Resize command) {
        UUID id = command.serverId();
        Commands.Flavor target = command.newFlavor();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        InstanceRecord record = guests.record(id);
        if (target.equals(record.flavor())) {
            // delivered again: awaiting confirm or revert, or even confirmed already; nothing to redo
            return Outcome.done(guests.power(id), record.resize() != null
                    ? "resized already; awaiting confirm or revert" : "the domain has this flavor already");
        }
        try {
            ResourcePolicy.from(target.extraSpecs(), target.memoryMb()); // refuse a bad policy before touching anything
        } catch (InvalidResourcePolicy e) {
            return Outcome.failed(guests.power(id), e.getMessage());
        }
        InstanceStore store = guests.store();
        boolean wasRunning = record.resize() != null ? record.resize().wasRunning() : guests.power(id).active();
        Commands.Flavor current = record.resize() != null ? record.resize().oldFlavor() : record.flavor();
        if (!Files.exists(store.definitionBeforeResize(id))) {
            String before = guests.libvirt().definition(id)
                    .orElseGet(() -> store.readText(store.definition(id)).orElseThrow());
            store.writeText(store.definitionBeforeResize(id), before);
        }
        try {
            guests.powerOff(id);
            if (target.rootGb() > current.rootGb()) {
                keepDiskForRevert(store, id);
                qemuImg.grow(store.disk(id), target.rootGb() * GIB);
            }
            InstanceRecord resized = record.withFlavor(target,
                    new InstanceRecord.PendingResize(current, target, wasRunning))
                    .withExpected(wasRunning ? ExpectedPower.RUNNING : ExpectedPower.SHUTOFF);
            guests.define(resized, target);
            store.write(resized);
            DomainPower power = wasRunning ? guests.libvirt().start(id) : guests.power(id);
            return Outcome.done(power, "resized to flavor " + target.name() + "; awaiting confirm or revert");
        } catch (RuntimeException e) {
            LOG.warnf("resize of %s failed, putting the old domain back: %s", id, e.getMessage());
            DomainPower power = RevertResizeHandler.restore(guests, id, current, wasRunning);
            return Outcome.failed(power, "resize failed: " + e.getMessage());
        }
    }

    private static void keepDiskForRevert(InstanceStore store, UUID id) {
        if (Files.exists(store.diskBeforeResize(id))) {
            return;
        }
        try {
            var part = store.diskBeforeResize(id).resolveSibling("disk.resize.part");
            Files.copy(store.disk(id), part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, store.diskBeforeResize(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the disk of " + id + " for a revert", e);
        }
    }
}
