package io.strato.image.images;

import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of a Glance image list: what the caller may see, the filters of the query string, the sort
 * order and the page after a marker (keyset paging, so a page costs the same wherever it starts).
 */
public final class ImageQuery {
    /** Query parameters that are not property filters. */
    static final Set<String> RESERVED = Set.of("limit", "marker", "sort_key", "sort_dir", "sort", "visibility",
            "member_status", "os_hidden", "name", "status", "owner", "tag", "size_min", "size_max", "disk_format",
            "container_format", "protected", "id", "size", "virtual_size", "min_disk", "min_ram", "checksum",
            "os_hash_value");
    /** Glance's operators on the name, id, status and format filters ({@code ?status=in:queued,active}). */
    private static final Set<String> LIST_OPERATORS = Set.of("eq", "in");
    private static final Set<String> MEMBER_STATUSES = Set.of("pending", "accepted", "rejected", "all");

    /** Sortable keys: column and how to read the key from an image (for the marker). */
    private static final Map<String, Function<Image, Object>> SORT_KEYS = new LinkedHashMap<>();

    static {
        SORT_KEYS.put("name", i -> i.name);
        SORT_KEYS.put("status", i -> i.status);
        SORT_KEYS.put("container_format", i -> i.containerFormat);
        SORT_KEYS.put("disk_format", i -> i.diskFormat);
        SORT_KEYS.put("size", i -> i.size);
        SORT_KEYS.put("virtual_size", i -> i.virtualSize);
        SORT_KEYS.put("id", i -> i.id);
        SORT_KEYS.put("created_at", i -> i.createdAt);
        SORT_KEYS.put("updated_at", i -> i.updatedAt);
        SORT_KEYS.put("visibility", i -> i.visibility);
        SORT_KEYS.put("owner", i -> i.owner);
        SORT_KEYS.put("min_disk", i -> i.minDisk);
        SORT_KEYS.put("min_ram", i -> i.minRam);
    }

    /** A sort key and whether it is descending. */
    public record Sort(String key, boolean desc) {
    }

    private final StringBuilder where = new StringBuilder("true");
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<Sort> sorts;

    private ImageQuery(List<Sort> sorts) {
        this.sorts = sorts;
    }

    /**
     * @param query every query parameter, by name, with all its values
     */
    public static ImageQuery of(Caller caller, boolean admin, Map<String, List<String>> query) {
        ImageQuery q = new ImageQuery(sorts(query));
        q.visibility(caller.projectId(), admin, one(query, "visibility"), one(query, "member_status"));
        q.hidden(one(query, "os_hidden"));
        q.oneOf("i.name", one(query, "name"));
        q.oneOf("i.id", one(query, "id"));
        q.oneOf("i.status", one(query, "status"));
        q.eq("i.owner", one(query, "owner"));
        q.oneOf("i.disk_format", one(query, "disk_format"));
        q.oneOf("i.container_format", one(query, "container_format"));
        q.eq("i.checksum", one(query, "checksum"));
        q.eq("i.os_hash_value", one(query, "os_hash_value"));
        // Glance compares any other image column exactly (db api: getattr(models.Image, k) == value)
        for (String column : List.of("size", "virtual_size", "min_disk", "min_ram")) {
            Long exact = size(one(query, column), column);
            if (exact != null) {
                q.and("i." + column + " = " + q.param(exact));
            }
        }
        String prot = one(query, "protected");
        if (prot != null) {
            q.and("i.protected = " + q.param(bool(prot, "protected")));
        }
        for (String tag : query.getOrDefault("tag", List.of())) {
            q.and("position(',' || " + q.param(tag) + " || ',' in ',' || i.tags || ',') > 0");
        }
        Long min = size(one(query, "size_min"), "size_min");
        Long max = size(one(query, "size_max"), "size_max");
        if (min != null) {
            q.and("i.size >= " + q.param(min));
        }
        if (max != null) {
            q.and("i.size <= " + q.param(max));
        }
        query.forEach((key, values) -> {
            if (!RESERVED.contains(key) && !values.isEmpty()) {
                q.and("i.properties ->> " + q.param(key) + " = " + q.param(values.get(0)));
            }
        });
        return q;
    }

    /** Only images after this one in the sort order. */
    public ImageQuery after(Image marker) {
        List<String> alternatives = new ArrayList<>();
        for (int n = 0; n < sorts.size(); n++) {
            List<String> terms = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                terms.add(compare(sorts.get(k).key(), "=", SORT_KEYS.get(sorts.get(k).key()).apply(marker)));
            }
            Sort s = sorts.get(n);
            terms.add(compare(s.key(), s.desc() ? "<" : ">", SORT_KEYS.get(s.key()).apply(marker)));
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        and("(" + String.join(" or ", alternatives) + ")");
        return this;
    }

    public String sql(int limit) {
        List<String> order = new ArrayList<>();
        for (Sort s : sorts) {
            order.add("i." + s.key() + (s.desc() ? " desc" : " asc"));
        }
        return "select i.* from image i where " + where + " order by " + String.join(", ", order) + " limit " + limit;
    }

    /** The parameters the SQL uses (a visibility branch may not use every one it prepared). */
    public Map<String, Object> params() {
        String sql = where.toString();
        Map<String, Object> used = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                used.put(name, value);
            }
        });
        return used;
    }

    /** PostgreSQL orders NULL above every value; a comparison with the marker's key does the same. */
    private String compare(String key, String op, Object value) {
        String col = "i." + key;
        if (value == null) {
            return switch (op) {
                case "=" -> col + " is null";
                case ">" -> "false";
                default -> col + " is not null";
            };
        }
        String p = param(value);
        return switch (op) {
            case "=" -> col + " = " + p;
            case ">" -> "(" + col + " > " + p + " or " + col + " is null)";
            default -> col + " < " + p;
        };
    }

    private void visibility(String project, boolean admin, String visibility, String memberStatus) {
        String status = memberStatus == null ? "accepted" : memberStatus;
        if (!MEMBER_STATUSES.contains(status)) {
            throw new InvalidInput("Invalid member_status '" + status + "': one of " + MEMBER_STATUSES + ".");
        }
        String proj = project == null ? "null" : param(project);
        String member = "exists (select 1 from image_member m where m.image_id = i.id and m.member_id = " + proj
                + (status.equals("all") ? "" : " and m.status = " + param(status)) + ")";
        String own = "i.owner = " + proj;
        String sharedWithMe = "(i.visibility = 'shared' and " + member + ")";
        if (visibility == null) {
            if (!admin) {
                and("(" + own + " or i.visibility = 'public' or " + sharedWithMe + ")");
            }
            return;
        }
        switch (visibility) {
            case "public", "community" -> and("i.visibility = " + param(visibility));
            case "private" -> and("i.visibility = 'private'" + (admin ? "" : " and " + own));
            case "shared" -> and("i.visibility = 'shared'" + (admin ? "" : " and (" + own + " or " + member + ")"));
            case "all" -> {
                if (!admin) {
                    and("(" + own + " or i.visibility in ('public', 'community') or " + sharedWithMe + ")");
                }
            }
            default -> throw new InvalidInput("Invalid visibility value: " + visibility
                    + " (one of public, private, shared, community, all).");
        }
    }

    private void hidden(String osHidden) {
        and("i.os_hidden = " + param(osHidden != null && bool(osHidden, "os_hidden")));
    }

    private void eq(String column, String value) {
        if (value != null) {
            and(column + " = " + param(value));
        }
    }

    /**
     * Glance's {@code name}, {@code id}, {@code status} and format filters: a value, or {@code eq:value}, or
     * {@code in:a,b,"c,d"} (api-wg's list syntax, a quoted item may hold commas).
     */
    private void oneOf(String column, String expression) {
        if (expression == null) {
            return;
        }
        String op = "eq";
        String value = expression;
        int colon = expression.indexOf(':');
        if (colon >= 0) {
            op = expression.substring(0, colon);
            value = expression.substring(colon + 1);
            if (!LIST_OPERATORS.contains(op)) {
                throw new InvalidInput("Unable to filter by unknown operator '" + op + "'.");
            }
        }
        List<String> values = op.equals("in") ? listValues(expression) : List.of(value);
        if (column.equals("i.id")) {
            // a value that is no UUID names no image; the column is a uuid, so it is left out, not compared
            values = values.stream().filter(ImageQuery::isUuid).toList();
            if (values.isEmpty()) {
                and("false");
                return;
            }
            List<String> ids = new ArrayList<>();
            for (String v : values) {
                ids.add(param(java.util.UUID.fromString(v)));
            }
            and(column + " in (" + String.join(", ", ids) + ")");
            return;
        }
        List<String> names = new ArrayList<>();
        for (String v : values) {
            names.add(param(v));
        }
        and(column + " in (" + String.join(", ", names) + ")");
    }

    /** The items of {@code in:a,"b,c",d}; an unclosed quote is a 400, as Glance's validate_quotes says. */
    static List<String> listValues(String expression) {
        String raw = expression.substring(expression.indexOf(':') + 1);
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (int n = 0; n < raw.length(); n++) {
            char c = raw.charAt(n);
            if (c == '\\' && quoted && n + 1 < raw.length()) {
                item.append(raw.charAt(++n));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInput("Invalid filter value " + raw + ". The quote is not closed.");
        }
        items.add(item.toString());
        return items;
    }

    private static boolean isUuid(String value) {
        try {
            java.util.UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void and(String condition) {
        where.append(" and ").append(condition);
    }

    private String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    static List<Sort> sorts(Map<String, List<String>> query) {
        List<String> keys = query.getOrDefault("sort_key", List.of());
        List<String> dirs = query.getOrDefault("sort_dir", List.of());
        List<String> sort = query.getOrDefault("sort", List.of());
        List<Sort> sorts = new ArrayList<>();
        if (!sort.isEmpty()) {
            if (!keys.isEmpty() || !dirs.isEmpty()) {
                throw new InvalidInput("The 'sort' parameter cannot be combined with sort_key or sort_dir.");
            }
            for (String part : String.join(",", sort).split(",")) {
                String[] kd = part.trim().split(":", 2);
                sorts.add(new Sort(key(kd[0].trim()), kd.length > 1 && desc(kd[1].trim())));
            }
        } else {
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw new InvalidInput("The number of sort_dir values must match the number of sort_key values.");
            }
            for (int n = 0; n < keys.size(); n++) {
                String dir = dirs.isEmpty() ? "desc" : dirs.get(dirs.size() == 1 ? 0 : n);
                sorts.add(new Sort(key(keys.get(n)), desc(dir)));
            }
            if (keys.isEmpty()) {
                sorts.add(new Sort("created_at", dirs.isEmpty() || desc(dirs.get(0))));
            }
        }
        boolean lastDesc = sorts.get(sorts.size() - 1).desc();
        if (sorts.stream().noneMatch(s -> s.key().equals("id"))) {
            sorts.add(new Sort("id", lastDesc));
        }
        return sorts;
    }

    private static String key(String key) {
        if (!SORT_KEYS.containsKey(key)) {
            throw new InvalidInput("Invalid sort key: " + key + ". It must be one of " + SORT_KEYS.keySet() + ".");
        }
        return key;
    }

    private static boolean desc(String dir) {
        return switch (dir) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidInput("Invalid sort direction: " + dir + " (asc or desc).");
        };
    }

    private static boolean bool(String raw, String field) {
        return Booleans.parse(raw).orElseThrow(
                () -> new InvalidInput("Invalid value for " + field + ": " + raw + " (true or false)."));
    }

    private static Long size(String raw, String field) {
        if (raw == null) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInput("Invalid value for " + field + ": " + raw + " (a non-negative integer).");
        }
    }

    static String one(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
