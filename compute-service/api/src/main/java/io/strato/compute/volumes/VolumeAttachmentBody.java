package io.strato.compute.volumes;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/servers/{id}/os-volume_attachments}, {@code {"volumeAttachment": {"volumeId",
 * "device"}}}, as OpenAPI publishes it. The values stay JSON so that the resource answers with Nova's schema
 * messages; members Nova does not know are kept for its {@code Additional properties are not allowed} 400.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VolumeAttachmentBody(@JsonProperty("volumeAttachment") VolumeAttachmentAttributes volumeAttachment) {

    /** The volume to attach; the device name is accepted and ignored, as libvirt picks the device. */
    public record VolumeAttachmentAttributes(
            @JsonProperty("volumeId") @Schema(implementation = String.class, format = "uuid", required = true)
            JsonNode volumeId,
            @JsonProperty("device") @Schema(implementation = String.class) JsonNode device,
            @JsonProperty("delete_on_termination") @Schema(implementation = Boolean.class,
                    description = "from microversion 2.79") JsonNode deleteOnTermination,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
