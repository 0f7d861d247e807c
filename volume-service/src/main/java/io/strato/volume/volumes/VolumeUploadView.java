package io.strato.volume.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.images.ImageClient;
import io.strato.volume.types.VolumeType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder's answer to {@code os-volume_upload_image} (volume/api.py copy_volume_to_image):
 * {@code {"os-volume_upload_image": {"id": <volume>, "status": "uploading", "image_id": ..., ...}}};
 * {@code protected} and {@code visibility} from microversion 3.1, as Cinder adds them when Glance answered them.
 */
public record VolumeUploadView(@JsonProperty("os-volume_upload_image") Upload upload) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upload(
            @JsonInclude(JsonInclude.Include.ALWAYS) String id,
            @JsonProperty("updated_at") @JsonInclude(JsonInclude.Include.ALWAYS) String updatedAt,
            @JsonInclude(JsonInclude.Include.ALWAYS) String status,
            @JsonProperty("display_description") @JsonInclude(JsonInclude.Include.ALWAYS) String displayDescription,
            int size,
            @JsonProperty("volume_type") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> volumeType,
            @JsonProperty("image_id") String imageId,
            @JsonProperty("container_format") String containerFormat,
            @JsonProperty("disk_format") String diskFormat,
            @JsonProperty("image_name") String imageName,
            @JsonProperty("protected") Boolean isProtected,
            String visibility) {
    }

    static VolumeUploadView of(Volume v, VolumeType type, ImageClient.NewImage image, boolean v31) {
        Map<String, Object> t = null;
        if (type != null) {
            t = new LinkedHashMap<>();
            t.put("id", type.id.toString());
            t.put("name", type.name);
            t.put("description", type.description);
            t.put("is_public", type.isPublic);
            t.put("extra_specs", type.extraSpecs);
            t.put("qos_specs_id", type.qosSpecsId == null ? null : type.qosSpecsId.toString());
        }
        return new VolumeUploadView(new Upload(v.id.toString(), v.updatedAt == null ? null : v.updatedAt.toString(),
                v.status, v.description, v.size, t, image.id(), image.containerFormat(), image.diskFormat(), image.name(),
                v31 ? image.isProtected() : null, v31 ? image.visibility() : null));
    }
}
