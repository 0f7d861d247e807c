package io.strato.image.images;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A page of Glance's image list: images, the first page's link, the next page's when there may be one. */
final class ImageListView {
    private ImageListView() {
    }

    static Map<String, Object> of(List<Image> images, MultivaluedMap<String, String> query, int limit) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("images", images.stream().map(ImageView::of).toList());
        String others = encode(query);
        v.put("first", "/v2/images" + (others.isEmpty() ? "" : "?" + others));
        v.put("schema", "/v2/schemas/images");
        if (limit > 0 && images.size() == limit) {
            String marker = "marker=" + images.get(images.size() - 1).id;
            v.put("next", "/v2/images?" + (others.isEmpty() ? marker : others + "&" + marker));
        }
        return v;
    }

    /** The query without its marker, re-encoded. */
    private static String encode(MultivaluedMap<String, String> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((key, values) -> {
            if (!key.equals("marker")) {
                values.forEach(value -> parts.add(enc(key) + "=" + enc(value)));
            }
        });
        return String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
