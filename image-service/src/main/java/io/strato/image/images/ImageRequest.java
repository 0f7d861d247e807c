package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Request bodies of the image API, read into entities with Glance's rules. */
public final class ImageRequest {
    private ImageRequest() {
    }

    /** A POST /v2/images body: base attributes, and every other key a free-form string property. */
    public record Create(Image image) {

        public static Create of(JsonNode body) {
            Image i = new Image();
            i.visibility = "private";
            i.properties = new HashMap<>();
            Map<String, String> props = i.properties;
            body.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                switch (key) {
                    case "id" -> i.id = v.isTextual() ? ImageAttributes.id(v.textValue())
                            : ImageAttributes.id(v.toString());
                    case "owner" -> i.owner = v.isNull() ? null : ownerOf(v);
                    case "name" -> i.name = ImageAttributes.name(v);
                    case "visibility" -> i.visibility = ImageAttributes.visibility(v);
                    case "protected" -> i.isProtected = ImageAttributes.bool(v, "protected");
                    case "os_hidden" -> i.osHidden = ImageAttributes.bool(v, "os_hidden");
                    case "disk_format" -> i.diskFormat = ImageAttributes.diskFormat(v);
                    case "container_format" -> i.containerFormat = ImageAttributes.containerFormat(v);
                    case "min_disk" -> i.minDisk = ImageAttributes.nonNegative(v, "min_disk");
                    case "min_ram" -> i.minRam = ImageAttributes.nonNegative(v, "min_ram");
                    case "tags" -> i.tags = String.join(",", ImageAttributes.tags(v));
                    default -> {
                        if (ImageAttributes.READ_ONLY.contains(key)) {
                            throw ImageAttributes.readOnly(key);
                        }
                        props.put(key, ImageAttributes.property(key, v));
                    }
                }
            });
            return new Create(i);
        }

        private static String ownerOf(JsonNode v) {
            if (!v.isTextual() || v.textValue().isBlank() || v.textValue().length() > 64) {
                throw new io.strato.kit.faults.InvalidInput("Invalid value for 'owner': a project id of at most 64 characters.");
            }
            return v.textValue();
        }
    }
}
