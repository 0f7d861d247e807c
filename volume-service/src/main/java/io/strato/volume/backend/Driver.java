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

    /** Total and allocated space of the backend. */
    Capacity capacity();

    /**
     * @param totalBytes     what the backend can hold
     * @param freeBytes      what it has left
     * @param allocatedBytes the bytes its volumes really use (thin: far below their sizes until written)
     */
    record Capacity(long totalBytes, long freeBytes, long allocatedBytes) {
    }
}
