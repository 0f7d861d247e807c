package io.strato.network.api;

import io.strato.kit.web.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ListRequest} into one native SQL query over a resource's table: the caller's scope,
 * attribute and tag filters, sorting on whitelisted attributes (id last, for a stable order) and
 * keyset paging after the marker row. Only attributes in the resource's column map are filterable or
 * sortable; other filters are ignored, as Neutron without filter-validation does.
 *
 * @param table   the table
 * @param columns attribute name (as in the API) to SQL column
 */
public record ListSql(String table, Map<String, String> columns) {

    /** The query and its named parameters. */
    public record Query(String sql, Map<String, Object> params) {
    }

    /**
     * @param scope       a SQL predicate limiting what the caller may see (e.g. {@code project_id = :scope_project}), or null for all
     * @param scopeParams its parameters
     */
    public Query select(ListRequest request, String scope, Map<String, Object> scopeParams) {
        Map<String, Object> params = new LinkedHashMap<>(scopeParams);
        List<String> where = new ArrayList<>();
        if (scope != null) {
            where.add("(" + scope + ")");
        }
        int i = 0;
        for (Map.Entry<String, List<String>> f : request.filters().entrySet()) {
            String column = columns.get(f.getKey());
            if (column == null || f.getValue().isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String v : f.getValue()) {
                String p = "f" + i++;
                names.add(":" + p);
                params.put(p, normalise(v));
            }
            where.add("CAST(" + column + " AS text) IN (" + String.join(", ", names) + ")");
        }
        if (columns.containsKey("tags")) {
            i = tagFilters(request, where, params, i);
        }
        List<String> keys = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        for (int k = 0; k < request.sortKeys().size(); k++) {
            String key = request.sortKeys().get(k);
            if (!columns.containsKey(key) || "tags".equals(key)) {
                throw Neutron.badRequest("HTTPBadRequest", "'" + key + "' is not a sortable attribute.");
            }
            if (!"id".equals(key)) {
                keys.add(columns.get(key));
                ascending.add(request.sortDirs().isEmpty() || "asc".equalsIgnoreCase(request.sortDirs().get(k)));
            }
        }
        keys.add("id");
        ascending.add(keys.size() == 1 || ascending.get(0));
        if (request.pageReverse()) {
            ascending.replaceAll(a -> !a);
        }
        if (request.marker() != null) {
            params.put("marker", Ids.parse(request.marker()).orElseThrow(() -> Neutron.badRequest("HTTPBadRequest",
                    "marker must be the id of an item, not '" + request.marker() + "'.")).toString());
            where.add(afterMarker(keys, ascending));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ");
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(keys.get(k)).append(ascending.get(k) ? " ASC" : " DESC");
        }
        if (request.limit() != null) {
            sql.append(" LIMIT ").append(request.limit());
        }
        return new Query(sql.toString(), params);
    }

    /** Rows strictly after the marker row in the sort order: (k1 > m1) or (k1 = m1 and k2 > m2) ... */
    private String afterMarker(List<String> keys, List<Boolean> ascending) {
        List<String> ors = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                ands.add(keys.get(j) + " = " + markerValue(keys.get(j)));
            }
            ands.add(keys.get(k) + (ascending.get(k) ? " > " : " < ") + markerValue(keys.get(k)));
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        return "(" + String.join(" OR ", ors) + ")";
    }

    private String markerValue(String column) {
        return "(SELECT m." + column + " FROM " + table + " m WHERE m.id = CAST(:marker AS uuid))";
    }

    // The tag is bound as text and cast: a parameter typed jsonb would get the Vert.x client's JSON encoding of a
    // Java String, i.e. the JSON string "[\"x\"]", which contains no tag.
    private static int tagFilters(ListRequest r, List<String> where, Map<String, Object> params, int i) {
        for (String tag : r.tags()) {
            params.put("t" + i, "[\"" + jsonEscape(tag) + "\"]");
            where.add("tags @> CAST(CAST(:t" + i++ + " AS text) AS jsonb)");
        }
        if (!r.tagsAny().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String tag : r.tagsAny()) {
                params.put("t" + i, "[\"" + jsonEscape(tag) + "\"]");
                any.add("tags @> CAST(CAST(:t" + i++ + " AS text) AS jsonb)");
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (!r.notTags().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (String tag : r.notTags()) {
                params.put("t" + i, "[\"" + jsonEscape(tag) + "\"]");
                all.add("tags @> CAST(CAST(:t" + i++ + " AS text) AS jsonb)");
            }
            where.add("NOT (" + String.join(" AND ", all) + ")");
        }
        for (String tag : r.notTagsAny()) {
            params.put("t" + i, "[\"" + jsonEscape(tag) + "\"]");
            where.add("NOT tags @> CAST(CAST(:t" + i++ + " AS text) AS jsonb)");
        }
        return i;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Booleans arrive as True/False from the clients; PostgreSQL's text form is true/false. */
    private static String normalise(String v) {
        if ("True".equals(v) || "False".equals(v)) {
            return v.toLowerCase();
        }
        return v;
    }
}
