package io.strato.volume.api;

import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.UUID;

/**
 * The order of a Cinder list and its keyset paging: one sort key ({@code sort_key=k&sort_dir=d} or
 * {@code sort=k:d}, the first key of a comma list; created_at by default, newest first) with the id after it, so
 * that a marker page continues exactly where the last one stopped. Also reads {@code offset}, which Cinder skips from
 * the marker or from the first item.
 *
 * @param key       the entity expression the list orders by (from the resource's table of Cinder's sort keys)
 * @param ascending the sort direction
 */
public record ListOrder(String key, boolean ascending) {
    private static final int DB_MAX_INT = 0x7FFFFFFF;

    /**
     * Reads the sort parameters; {@code keys} maps each of Cinder's sort keys for the resource to the entity
     * expression it orders by (another key is a 400, as the database refuses it in Cinder).
     */
    public static ListOrder of(MultivaluedMap<String, String> q, Map<String, String> keys) {
        String sortDir = q.getFirst("sort_dir");
        String sortKey = q.getFirst("sort_key");
        String sort = q.getFirst("sort");
        if (sort != null && (sortKey != null || sortDir != null)) {
            throw new InvalidInput("Invalid input received: The sort_key and sort_dir parameters are deprecated and"
                    + " cannot be used with the sort parameter.");
        }
        if (sort != null) {
            // sort=k1:d1,k2:d2: the first key orders (the id breaks ties)
            String first = sort.split(",", 2)[0].trim();
            sortKey = first.contains(":") ? first.substring(0, first.indexOf(':')).trim() : first;
            sortDir = first.contains(":") ? first.substring(first.indexOf(':') + 1).trim() : null;
        }
        if (sortKey != null && sortKey.contains(",")) {
            sortKey = sortKey.split(",", 2)[0].trim();
        }
        if (sortDir != null && sortDir.contains(",")) {
            sortDir = sortDir.split(",", 2)[0].trim();
        }
        String key = sortKey == null || sortKey.isEmpty() ? "created_at" : sortKey;
        if (!keys.containsKey(key)) {
            throw new InvalidInput("Invalid input received: Invalid sort key " + key + ": one of "
                    + keys.keySet().stream().sorted().toList() + ".");
        }
        if (sortDir != null && !sortDir.equalsIgnoreCase("asc") && !sortDir.equalsIgnoreCase("desc")) {
            throw new InvalidInput("Invalid sort direction '" + sortDir + "': use asc or desc.");
        }
        return new ListOrder(keys.get(key), "asc".equalsIgnoreCase(sortDir));
    }

    /** Cinder's {@code offset}: how many items to skip, 0 to 2147483647 (else a 400). */
    public static int offset(MultivaluedMap<String, String> q) {
        String raw = q.getFirst("offset");
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(raw.trim());
            if (n >= 0 && n <= DB_MAX_INT) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw new InvalidInput("Invalid input received: offset must be an integer from 0 to " + DB_MAX_INT + ".");
    }

    /** The order clause: the sort key, then the id, both in the sort direction. */
    public String orderBy() {
        String dir = ascending ? "asc" : "desc";
        return " order by " + key + " " + dir + (key.equals("id") ? "" : ", id " + dir);
    }

    /**
     * Keeps only the items after the marker in this order (keyset paging on the sort key and the id).
     *
     * @param markerValue the marker's value of the sort key
     */
    public void after(Object markerValue, UUID markerId, StringBuilder q, Map<String, Object> p) {
        String cmp = ascending ? ">" : "<";
        if (key.equals("id")) {
            q.append(" and id ").append(cmp).append(" :mid");
        } else {
            q.append(" and (").append(key).append(" ").append(cmp).append(" :mk or (").append(key)
                    .append(" = :mk and id ").append(cmp).append(" :mid))");
            p.put("mk", markerValue);
        }
        p.put("mid", markerId);
    }
}
