package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.LibvirtFailure;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * detach_volume: unplugs the volume's disk (found by its serial) from the running domain and its
 * persistent definition and waits until the guest released it; a driver without hot-plug gets the
 * persistent definition redefined without the disk. The volume leaves the instance's record. Detaching a
 * volume that is not there succeeds, and so does detaching from a server without a domain here (nothing
 * can hold the volume then).
 */
@Singleton
public class DetachVolumeHandler extends HandlerBase<Commands.DetachVolume> {

    private static final Logger LOG = Logger.getLogger(DetachVolumeHandler.class);

    public DetachVolumeHandler(GuestControl guests) {
        super(Commands.DETACH_VOLUME, Commands.DetachVolume.class, guests);
    }

    @Override
    public Outcome handle(Commands.DetachVolume command) {
        UUID id = command.serverId();
        UUID volumeId = command.volumeId();
        if (guests.domain(id).isEmpty()) {
            return Outcome.done(DomainPower.NOSTATE, "server " + id + " has no domain here; volume " + volumeId
                    + " is not attached");
        }
        var record = guests.store().read(id);
        var placement = VolumeDisks.of(guests, id, volumeId);
        String message = "volume " + volumeId + " detached";
        if (placement.nowhere()) {
            message = "volume " + volumeId + " is not attached";
        } else {
            String disk = placement.config().or(placement::live).orElseThrow();
            try {
                guests.libvirt().detachDevice(id, disk, placement.live().isPresent(), placement.config().isPresent());
                guests.libvirt().definition(id).ifPresent(xml -> guests.store().writeDefinition(id, xml));
                if (placement.live().isPresent() && !VolumeDisks.released(guests, id, volumeId)) {
                    return Outcome.failed(guests.power(id), "the guest of server " + id
                            + " did not release the disk of volume " + volumeId + "; try again");
                }
            } catch (LibvirtFailure e) {
                if (!e.unsupported() || record.isEmpty()) {
                    LOG.infof("detach of volume %s from %s failed: %s", volumeId, id, e.getMessage());
                    return Outcome.failed(guests.power(id), "detaching volume " + volumeId + " failed: "
                            + e.getMessage());
                }
                LOG.infof("libvirt at %s cannot unplug disks (%s); redefining the persistent definition of %s "
                        + "without the disk of volume %s", guests.libvirt().uri(), e.code(), id, volumeId);
                InstanceRecord detached = record.get().withoutVolume(volumeId);
                guests.define(detached, detached.flavor());
                message += " (from the persistent definition: the driver cannot unplug)";
            }
        }
        record.ifPresent(r -> guests.store().write(r.withoutVolume(volumeId)));
        return Outcome.done(guests.power(id), message);
    }
}
