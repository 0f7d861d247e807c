package io.strato.network.api;

import io.strato.kit.web.Booleans;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Neutron list request as the query string carries it: attribute filters (a repeated filter
 * means "any of"), tag filters, {@code fields}, {@code sort_key}/{@code sort_dir} and
 * {@code limit}/{@code marker}/{@code page_reverse}.
 */
public record ListRequest(Map<String, List<String>> filters, List<String> fields,
                          List<String> sortKeys, List<String> sortDirs,
                          Integer limit, String marker, boolean pageReverse,
                          List<String> tags, List<String> tagsAny, List<String> notTags, List<String> notTagsAny) {
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> RESERVED = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any");

    public static ListRequest of(MultivaluedMap<String, String> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!RESERVED.contains(k)) {
                filters.put("tenant_id".equals(k) ? "project_id" : k, v);
            }
        });
        List<String> dirs = query.getOrDefault("sort_dir", List.of());
        for (String d : dirs) {
            if (!"asc".equalsIgnoreCase(d) && !"desc".equalsIgnoreCase(d)) {
                throw Neutron.badRequest("HTTPBadRequest", "sort_dir must be 'asc' or 'desc', not '" + d + "'.");
            }
        }
        List<String> keys = query.getOrDefault("sort_key", List.of());
        if (!dirs.isEmpty() && dirs.size() != keys.size()) {
            throw Neutron.badRequest("HTTPBadRequest", "The number of sort_keys and sort_dirs must be the same.");
        }
        Integer limit = null;
        String rawLimit = query.getFirst("limit");
        if (rawLimit != null && !rawLimit.isBlank()) {
            int n = Paging.of(rawLimit, null, MAX_LIMIT, MAX_LIMIT).limit();
            limit = n == 0 ? null : n;
        }
        return new ListRequest(filters, split(query.get("fields")), keys, dirs, limit,
                blankToNull(query.getFirst("marker")), Booleans.isTrue(query.getFirst("page_reverse")),
                split(query.get("tags")), split(query.get("tags-any")),
                split(query.get("not-tags")), split(query.get("not-tags-any")));
    }

    /** An unfiltered request (every item the caller may see). */
    public static ListRequest all() {
        return new ListRequest(Map.of(), List.of(), List.of(), List.of(), null, null, false,
                List.of(), List.of(), List.of(), List.of());
    }

    /** Values given as repeated parameters or comma-separated (tags=a,b). */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
