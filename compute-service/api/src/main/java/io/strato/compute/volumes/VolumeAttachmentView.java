package io.strato.compute.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's JSON of a volume attachment at 2.1 (its id is the volume's; tag and delete_on_termination are later). */
@Schema(name = "VolumeAttachment")
public record VolumeAttachmentView(
        @JsonProperty("id") String id,
        @JsonProperty("serverId") String serverId,
        @JsonProperty("volumeId") String volumeId,
        @JsonProperty("device") String device) {

    static VolumeAttachmentView of(VolumeAttachment a) {
        return new VolumeAttachmentView(a.volumeId.toString(), a.serverId.toString(), a.volumeId.toString(),
                a.mountpoint());
    }

    @Schema(name = "VolumeAttachmentOne")
    public record One(@JsonProperty("volumeAttachment") VolumeAttachmentView volumeAttachment) {
    }

    @Schema(name = "VolumeAttachmentMany")
    public record Many(@JsonProperty("volumeAttachments") List<VolumeAttachmentView> volumeAttachments) {
    }
}
