package io.strato.volume.backend;

import java.util.List;

/**
 * The backend's file system has no room for the work: full (ENOSPC), over a disk quota (EDQUOT), or past the largest
 * file it takes (EFBIG). Its reason starts with {@link #REASON}, so that the status reason, the event and the user
 * message reported from it say so; whatever the work had written is removed before it is thrown.
 */
public class StorageFull extends DriverException {
    /** How a reason of this kind starts. */
    public static final String REASON = "not enough space on the backend's storage: ";

    /** strerror(3)'s words for ENOSPC, EDQUOT and EFBIG, which qemu-img prints and Java's IOExceptions carry. */
    private static final List<String> NO_ROOM = List.of("No space left on device", "Disk quota exceeded", "File too large");

    public StorageFull(String what, Throwable cause) {
        super(REASON + what, cause);
    }

    /** Whether {@code text} (a tool's output, an exception's message) is the file system saying there is no room. */
    public static boolean describes(String text) {
        return text != null && NO_ROOM.stream().anyMatch(text::contains);
    }

    /** Whether {@code e} or one of its causes says there is no room. */
    public static boolean describes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (describes(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reported failure reason is one of these. */
    public static boolean isReason(String reason) {
        return reason != null && reason.startsWith(REASON);
    }
}
