package io.strato.volume.backend;

import java.util.UUID;

/**
 * A storage backend that keeps volumes' bytes. Volume types choose one by their
 * {@code volume_backend_name} extra spec. Calls block (they run on worker threads, never on an event
 * loop) and throw {@link DriverException} with a reason fit for a volume's error status.
 */
public interface Driver {

    /** The backend's name, as {@code volume_backend_name} spells it. */
    String name();

    /** Creates a blank thin volume of {@code sizeGb} GiB; returns its location in the backend. */
    String create(UUID volumeId, int sizeGb);

    /** Grows the volume at {@code location} to {@code sizeGb} GiB, keeping its data. */
    void extend(String location, int sizeGb);

    /** Removes the volume at {@code location}; a volume already gone is not an error. */
    void delete(String location);

    /**
     * Freezes the volume at {@code volumeLocation} into snapshot {@code snapshotId}; the volume keeps its
     * location and goes on from the snapshot's content. Returns the snapshot's location.
     */
    String createSnapshot(String volumeLocation, UUID snapshotId);

    /**
     * Removes the snapshot at {@code snapshotLocation}, first folding its content into {@code childLocation}
     * (the next newer snapshot of the same volume, or the volume itself) so nothing the child reads is lost.
     */
    void deleteSnapshot(String snapshotLocation, String childLocation);

    /** A new volume of {@code sizeGb} GiB holding the snapshot's content, independent of it. */
    String createFromSnapshot(UUID volumeId, String snapshotLocation, int sizeGb);

    /** A new volume of {@code sizeGb} GiB holding the content of the volume at {@code sourceLocation} (a clone). */
    String createFromVolume(UUID volumeId, String sourceLocation, int sizeGb);

    /**
     * A new volume of {@code sizeGb} GiB holding a disk image read from {@code image} (in
     * {@code diskFormat}: qcow2, raw...). Fails when the image's virtual size is larger.
     */
    String createFromImage(UUID volumeId, java.nio.file.Path image, String diskFormat, int sizeGb);

    /**
     * Writes the content of the volume at {@code location} to {@code target} as a disk image in {@code diskFormat}
     * (Cinder's disk_format names: raw, qcow2, vmdk, vdi, vhd, vhdx, ploop), for an upload to image-service.
     */
    void copyToImage(String location, java.nio.file.Path target, String diskFormat);

    /** qemu-img's name of a Cinder/Glance disk format (vhd is qemu's vpc, ploop its parallels). */
    static String qemuFormat(String diskFormat) {
        return switch (diskFormat) {
            case "vhd" -> "vpc";
            case "ploop" -> "parallels";
            default -> diskFormat;
        };
    }

    /** Where a download for a new volume may be kept while it is converted (a directory the driver owns). */
    java.nio.file.Path scratch(UUID volumeId);

    /** Removes the volume and every snapshot its data stands on (for a project's deletion). */
    void deleteWithChain(String location);

    /**
     * How a hypervisor on this machine reaches the volume at {@code location}: Cinder's connection info
     * for an attachment (without the QoS specs, which come from the volume's type).
     */
    Connection connection(String location);

    /** Total and allocated space of the backend. */
    Capacity capacity();

    /**
     * Cinder's {@code connection_info}: {@code driverVolumeType} "file" with {@code devicePath} the absolute
     * path of a disk image in {@code format} (qcow2, raw) that qemu opens directly.
     */
    record Connection(String driverVolumeType, String devicePath, String format) {
    }

    /**
     * @param totalBytes     what the backend can hold
     * @param freeBytes      what it has left
     * @param allocatedBytes the bytes its volumes really use (thin: far below their sizes until written)
     */
    record Capacity(long totalBytes, long freeBytes, long allocatedBytes) {
    }
}
