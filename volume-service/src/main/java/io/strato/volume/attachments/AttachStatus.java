package io.strato.volume.attachments;

/** Cinder's attach statuses: of an attachment, and of a volume as a whole ({@code detached} when it has none). */
public final class AttachStatus {
    public static final String RESERVED = "reserved";
    public static final String ATTACHING = "attaching";
    public static final String ATTACHED = "attached";
    public static final String DETACHED = "detached";

    private AttachStatus() {
    }
}
