package io.strato.identity.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The WHERE clause of a list call built from optional query filters: a filter whose value is null
 * (not given) adds nothing. Values travel as named parameters, never in the query text.
 */
public final class Filter {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /** {@code field = value} when value is given. */
    public Filter eq(String field, Object value) {
        return value == null ? this : clause(field + " = :%s", value);
    }

    /** Keyset paging: only rows whose {@code field} sorts after the marker. */
    public Filter after(String field, String marker) {
        return marker == null ? this : clause(field + " > :%s", marker);
    }

    /** A clause with one parameter, written {@code :%s} (e.g. {@code "(parentId = :%s or ...)"}). */
    public Filter clause(String template, Object value) {
        String name = "p" + params.size();
        where.append(" and ").append(template.replace("%s", name));
        params.put(name, value);
        return this;
    }

    /** The query text with its ordering, for Panache's {@code find/list(query, params)}. */
    public String orderBy(String order) {
        return where + " order by " + order;
    }

    public Map<String, Object> params() {
        return params;
    }
}
