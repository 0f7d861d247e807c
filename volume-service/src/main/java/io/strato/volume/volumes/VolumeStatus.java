package io.strato.volume.volumes;

import java.util.Set;

/** Cinder's volume statuses that this service uses. */
public final class VolumeStatus {
    public static final String CREATING = "creating";
    public static final String AVAILABLE = "available";
    public static final String EXTENDING = "extending";
    public static final String DELETING = "deleting";
    public static final String ERROR = "error";
    public static final String ERROR_DELETING = "error_deleting";
    public static final String ERROR_EXTENDING = "error_extending";
    public static final String IN_USE = "in-use";
    /** Held for one server by an attachment (Cinder's attachments API) until it connects. */
    public static final String RESERVED = "reserved";
    /** Being connected to a server (an attachment with a connector, or the legacy os-reserve). */
    public static final String ATTACHING = "attaching";
    /** Being disconnected from a server (the legacy os-begin_detaching). */
    public static final String DETACHING = "detaching";
    /** Offered to another project by an open volume transfer (Cinder's os-volume-transfer). */
    public static final String AWAITING_TRANSFER = "awaiting-transfer";
    /** Being copied into an image (os-volume_upload_image). */
    public static final String UPLOADING = "uploading";

    /** The statuses an attachment holds a volume in; the volume's status follows its attachments there. */
    public static final Set<String> ATTACHMENT_HELD = Set.of(RESERVED, ATTACHING, IN_USE, DETACHING);

    /** Statuses an admin may reset a volume to (Cinder's os-reset_status accepts these). */
    public static final Set<String> RESETTABLE = Set.of(CREATING, AVAILABLE, EXTENDING, DELETING, ERROR,
            ERROR_DELETING, ERROR_EXTENDING, IN_USE, RESERVED, ATTACHING, DETACHING, UPLOADING, "maintenance");

    /** Statuses in which a delete is accepted (Cinder's: not while in use or busy). */
    public static final Set<String> DELETABLE = Set.of(AVAILABLE, ERROR, ERROR_DELETING, ERROR_EXTENDING);

    /** Where an upload leaves a volume (Cinder's previous_status): in-use while attached, else available. */
    static String afterUpload(Volume v) {
        return "attached".equals(v.attachStatus) ? IN_USE : AVAILABLE;
    }

    private VolumeStatus() {
    }
}
