package io.strato.volume.volumes;

import java.util.List;

/** A volume with the name of its type and its attached attachments, as views show it. */
public record ShownVolume(Volume volume, String typeName, List<AttachmentEntry> attachments) {
    public ShownVolume(Volume volume, String typeName) {
        this(volume, typeName, List.of());
    }
}
