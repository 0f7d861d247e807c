package io.strato.image.store;

import java.util.Set;

/**
 * The store's file system has no room for the write: full (ENOSPC), over the disk quota of the user the service
 * runs as (EDQUOT), or past the largest file it takes (EFBIG), as glance_store's filesystem driver reads the same
 * errnos. Nothing of the write was kept.
 */
public class StorageFull extends RuntimeException {
    /** glance_store's StorageFull message, which Glance puts after "Image storage media is full: ". */
    public static final String MESSAGE = "There is not enough disk space on the image storage media.";

    /** strerror(3)'s words for ENOSPC, EDQUOT and EFBIG: Java's IOExceptions carry them, never the errno. */
    private static final Set<String> NO_ROOM = Set.of("No space left on device", "Disk quota exceeded", "File too large");

    public StorageFull(Throwable cause) {
        super(MESSAGE, cause);
    }

    /** Whether {@code e}, or one of its causes, is the file system saying there is no room. */
    public static boolean describes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && NO_ROOM.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
