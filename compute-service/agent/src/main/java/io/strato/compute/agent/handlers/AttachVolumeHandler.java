package io.strato.compute.agent.handlers;

import io.strato.compute.agent.domain.DomainSpec;
import io.strato.compute.agent.domain.DomainSpecs;
import io.strato.compute.agent.domain.DomainXml;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.libvirt.LibvirtFailure;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * attach_volume: hot-plugs the volume's file as a virtio disk with the volume id as serial and the volume
 * type's QoS as {@code <iotune>}: into the running domain and its persistent definition (LIVE|CONFIG), or
 * the definition only when the guest is stopped. A driver without hot-plug (libvirt's test driver answers
 * VIR_ERR_NO_SUPPORT) gets the persistent definition redefined with the disk added, the effect of CONFIG.
 * The volume is kept in the instance's record, so every later redefinition keeps its disk. Attaching a
 * volume whose disk is there already succeeds.
 */
@Singleton
public class AttachVolumeHandler extends HandlerBase<Commands.AttachVolume> {

    private static final Logger LOG = Logger.getLogger(AttachVolumeHandler.class);

    public AttachVolumeHandler(GuestControl guests) {
        super(Commands.ATTACH_VOLUME, Commands.AttachVolume.class, guests);
    }

    @Override
    public Outcome handle(Commands.AttachVolume command) {
        UUID id = command.serverId();
        if (guests.domain(id).isEmpty()) {
            return noDomain(id);
        }
        var volume = new InstanceRecord.Volume(command.volumeId(), command.device(), command.sourcePath(),
                command.format(), command.iotune());
        DomainSpec.Disk disk;
        try {
            disk = DomainSpecs.volumeDisk(volume);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(guests.power(id), "cannot attach volume " + command.volumeId() + ": " + e.getMessage());
        }
        InstanceRecord record = guests.record(id);
        var taken = VolumeDisks.deviceTaken(record, command.device(), command.volumeId());
        if (taken.isPresent()) {
            return Outcome.failed(guests.power(id), "device /dev/" + command.device() + " of server " + id
                    + " is in use by volume " + taken.get().volumeId());
        }
        InstanceRecord attached = record.withVolume(volume);
        var placement = VolumeDisks.of(guests, id, command.volumeId());
        boolean live = placement.running() && placement.live().isEmpty();
        boolean config = placement.config().isEmpty();
        String message = "volume " + command.volumeId() + " attached as /dev/" + command.device();
        if (!live && !config) {
            message = "volume " + command.volumeId() + " is attached already";
        } else {
            try {
                guests.libvirt().attachDevice(id, DomainXml.diskDevice(disk), live, config);
                guests.libvirt().definition(id).ifPresent(xml -> guests.store().writeDefinition(id, xml));
            } catch (LibvirtFailure e) {
                if (!e.unsupported()) {
                    LOG.infof("attach of volume %s to %s failed: %s", command.volumeId(), id, e.getMessage());
                    return Outcome.failed(guests.power(id), "attaching volume " + command.volumeId() + " failed: "
                            + e.getMessage());
                }
                LOG.infof("libvirt at %s cannot hot-plug disks (%s); redefining the persistent definition of %s "
                        + "with the disk of volume %s", guests.libvirt().uri(), e.code(), id, command.volumeId());
                guests.define(attached, attached.flavor());
                message += " (in the persistent definition: the driver cannot hot-plug)";
            }
        }
        guests.store().write(attached);
        return Outcome.done(guests.power(id), message);
    }
}
