package io.strato.image.images;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Glance's image JSON: the base attributes, links, and the free-form properties flattened beside them. */
public final class ImageView {
    private ImageView() {
    }

    public static Map<String, Object> of(Image i) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (i.properties != null) {
            v.putAll(i.properties);
        }
        v.put("id", i.id.toString());
        v.put("name", i.name);
        v.put("status", i.status);
        v.put("visibility", i.visibility);
        v.put("protected", i.isProtected);
        v.put("os_hidden", i.osHidden);
        v.put("checksum", i.checksum);
        v.put("os_hash_algo", i.osHashAlgo);
        v.put("os_hash_value", i.osHashValue);
        v.put("owner", i.owner);
        v.put("size", i.size);
        v.put("virtual_size", i.virtualSize);
        v.put("min_disk", i.minDisk);
        v.put("min_ram", i.minRam);
        v.put("container_format", i.containerFormat);
        v.put("disk_format", i.diskFormat);
        v.put("created_at", time(i.createdAt));
        v.put("updated_at", time(i.updatedAt));
        v.put("tags", tags(i));
        v.put("self", "/v2/images/" + i.id);
        v.put("file", "/v2/images/" + i.id + "/file");
        v.put("schema", "/v2/schemas/image");
        return v;
    }

    public static List<String> tags(Image i) {
        return i.tags == null || i.tags.isEmpty() ? List.of() : Arrays.asList(i.tags.split(","));
    }

    /** Glance writes times to the second, as ISO 8601 with a Z. */
    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
