package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.HashMap;

/** Request bodies of the image API, read into entities with Glance's rules. */
public final class ImageRequest {
    private ImageRequest() {
    }

    /** A POST /v2/images body: base attributes, and every other key a free-form string property. */
    public record Create(Image image) {

        public static Create of(ImageCreateBody body) {
            if (body == null) {
                throw new InvalidInput("The request body is missing.");
            }
            Image i = new Image();
            // Glance's default since Ocata: like private until the owner adds a member
            i.visibility = "shared";
            i.properties = new HashMap<>();
            if (body.id() != null) {
                JsonNode v = body.id();
                i.id = ImageAttributes.id(v.isTextual() ? v.textValue() : v.toString());
            }
            if (body.owner() != null) {
                i.owner = body.owner().isNull() ? null : ImageAttributes.owner(body.owner());
            }
            if (body.name() != null) {
                i.name = ImageAttributes.name(body.name());
            }
            if (body.visibility() != null) {
                i.visibility = ImageAttributes.visibility(body.visibility());
            }
            if (body.isProtected() != null) {
                i.isProtected = ImageAttributes.bool(body.isProtected(), "protected");
            }
            if (body.osHidden() != null) {
                i.osHidden = ImageAttributes.bool(body.osHidden(), "os_hidden");
            }
            if (body.diskFormat() != null) {
                i.diskFormat = ImageAttributes.diskFormat(body.diskFormat());
            }
            if (body.containerFormat() != null) {
                i.containerFormat = ImageAttributes.containerFormat(body.containerFormat());
            }
            if (body.minDisk() != null) {
                i.minDisk = ImageAttributes.nonNegative(body.minDisk(), "min_disk");
            }
            if (body.minRam() != null) {
                i.minRam = ImageAttributes.nonNegative(body.minRam(), "min_ram");
            }
            if (body.tags() != null) {
                i.tags = String.join(",", ImageAttributes.tags(body.tags()));
            }
            body.properties().forEach((key, v) -> {
                if (ImageAttributes.READ_ONLY.contains(key)) {
                    throw ImageAttributes.readOnly(key);
                }
                i.properties.put(key, ImageAttributes.property(key, v));
            });
            return new Create(i);
        }
    }
}
