package io.strato.kit.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code next} link of a page of a limit/marker list, as Nova, Neutron and Cinder write it in
 * {@code <collection>_links}: the request's own URL with {@code marker} set to the page's last id and every
 * other query parameter (filters, sort, limit) kept.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * The URL of the next page.
     *
     * @param request    the request's URL (absolute, or a path with its query)
     * @param marker     the last id of this page
     * @param publicBase when not null, the public URL the client used (a service behind the gateway), put in
     *                   place of everything before {@code fromPath}
     * @param fromPath   where the API's own path starts in {@code request}, e.g. {@code /v3/}; ignored when
     *                   {@code publicBase} is null
     */
    public static String next(URI request, String marker, String publicBase, String fromPath) {
        List<String> params = new ArrayList<>();
        String query = request.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String p : query.split("&")) {
                String name = URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!name.equals("marker") && !p.isEmpty()) {
                    params.add(p);
                }
            }
        }
        params.add("marker=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
        String path = request.getRawPath();
        String head;
        if (publicBase != null) {
            int at = path.indexOf(fromPath);
            head = publicBase.replaceAll("/+$", "") + (at < 0 ? path : path.substring(at));
        } else {
            String full = request.toString();
            int q = full.indexOf('?');
            head = q < 0 ? full : full.substring(0, q);
        }
        return head + "?" + String.join("&", params);
    }

    /** {@code [{"rel": "next", "href": href}]}, the value of a {@code <collection>_links} member. */
    public static List<Map<String, String>> nextLink(String href) {
        return List.of(Map.of("rel", "next", "href", href));
    }
}
