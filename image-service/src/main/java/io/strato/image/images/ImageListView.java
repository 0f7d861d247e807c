package io.strato.image.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of Glance's image list: images, the first page's link, the next page's when there may be one. */
@Schema(name = "ImageList")
public record ImageListView(List<ImageView> images, String first, String schema,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    static final String SCHEMA = "/v2/schemas/images";

    static ImageListView of(List<Image> images, MultivaluedMap<String, String> query, int limit) {
        String others = encode(query);
        String next = null;
        if (limit > 0 && images.size() == limit) {
            String marker = "marker=" + images.get(images.size() - 1).id;
            next = "/v2/images?" + (others.isEmpty() ? marker : others + "&" + marker);
        }
        return new ImageListView(images.stream().map(ImageView::of).toList(),
                "/v2/images" + (others.isEmpty() ? "" : "?" + others), SCHEMA, next);
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
