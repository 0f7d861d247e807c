package io.strato.compute.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.strato.compute.api.Microversion;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a volume attachment: its id is the volume's (left out of list and show from 2.89), {@code tag}
 * from 2.70 (always null: Strato refuses tagged attachments), {@code delete_on_termination} from 2.79,
 * {@code attachment_id} and {@code bdm_uuid} in list and show from 2.89.
 */
@Schema(name = "VolumeAttachment")
public record VolumeAttachmentView(
        @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonProperty("serverId") String serverId,
        @JsonProperty("volumeId") String volumeId,
        @JsonProperty("device") String device,
        @JsonProperty("tag") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(implementation = String.class, nullable = true) Optional<String> tag,
        @JsonProperty("delete_on_termination") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleteOnTermination,
        @JsonProperty("attachment_id") @JsonInclude(JsonInclude.Include.NON_NULL) String attachmentId,
        @JsonProperty("bdm_uuid") @JsonInclude(JsonInclude.Include.NON_NULL) String bdmUuid) {

    static VolumeAttachmentView of(VolumeAttachment a) {
        return of(a, Microversion.MIN, false);
    }

    /** @param created the answer of an attach, which keeps {@code id} and shows no 2.89 keys */
    static VolumeAttachmentView of(VolumeAttachment a, Microversion version, boolean created) {
        boolean v289 = version.atLeast(89) && !created;
        return new VolumeAttachmentView(v289 ? null : a.volumeId.toString(), a.serverId.toString(), a.volumeId.toString(),
                a.mountpoint(), version.atLeast(70) ? Optional.empty() : null,
                version.atLeast(79) ? a.deleteOnTermination : null,
                v289 ? a.attachmentId.toString() : null, v289 ? a.bdmUuid.toString() : null);
    }

    @Schema(name = "VolumeAttachmentOne")
    public record One(@JsonProperty("volumeAttachment") VolumeAttachmentView volumeAttachment) {
    }

    @Schema(name = "VolumeAttachmentMany")
    public record Many(@JsonProperty("volumeAttachments") List<VolumeAttachmentView> volumeAttachments) {
    }
}
