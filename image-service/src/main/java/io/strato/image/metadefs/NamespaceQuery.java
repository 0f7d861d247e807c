package io.strato.image.metadefs;

import io.strato.kit.faults.InvalidInput;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The query of a namespace list, read as Glance's deserializer reads it: {@code visibility},
 * {@code resource_types} (comma-separated, any of), {@code sort_key} (default created_at) and {@code
 * sort_dir} (default desc), {@code limit} (default 25, at most 1000) and {@code marker} (the name of the
 * namespace the previous page ended with). Ties are broken by creation time and id, as Glance's pagination.
 * The catalog holds tens of namespaces, so pages are cut from the sorted visible list in memory.
 */
public record NamespaceQuery(String visibility, List<String> resourceTypes, String sortKey, boolean descending,
                             int limit, String marker) {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final Map<String, Function<MetadefNamespace, Comparable<?>>> SORT_KEYS = Map.of(
            "created_at", n -> n.createdAt, "updated_at", n -> n.updatedAt, "namespace", n -> n.namespace,
            "display_name", n -> n.displayName, "description", n -> n.description, "visibility", n -> n.visibility,
            "protected", n -> n.isProtected, "owner", n -> n.owner);

    public static NamespaceQuery of(String visibility, String resourceTypes, String sortKey, String sortDir,
                                    String limit, String marker) {
        if (visibility != null && !MetadefRequests.VISIBILITIES.contains(visibility)) {
            throw new InvalidInput("Invalid visibility value: " + visibility);
        }
        String key = sortKey == null ? "created_at" : sortKey;
        if (!SORT_KEYS.containsKey(key)) {
            throw new InvalidInput("Invalid sort key: " + key + ". It must be one of " + SORT_KEYS.keySet() + ".");
        }
        String dir = sortDir == null ? "desc" : sortDir;
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidInput("Invalid sort direction: " + dir);
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new InvalidInput("limit param must be an integer");
            }
            if (max < 0) {
                throw new InvalidInput("limit param must be positive");
            }
        }
        List<String> types = resourceTypes == null || resourceTypes.isBlank() ? List.of()
                : Arrays.stream(resourceTypes.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new NamespaceQuery(visibility, types, key, dir.equals("desc"), Math.min(max, MAX_LIMIT), marker);
    }

    /** The list order: the sort key (empty values last), then creation time and id, all in the one direction. */
    Comparator<MetadefNamespace> order() {
        Function<MetadefNamespace, Comparable<?>> key = SORT_KEYS.get(sortKey);
        Comparator<MetadefNamespace> byKey = (a, b) -> compareNullsLast(key.apply(a), key.apply(b));
        Comparator<MetadefNamespace> asc = byKey.thenComparing((MetadefNamespace n) -> n.createdAt)
                .thenComparing((MetadefNamespace n) -> n.id);
        return descending ? asc.reversed() : asc;
    }

    @SuppressWarnings("unchecked")
    private static int compareNullsLast(Comparable<?> a, Comparable<?> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    /** The page: the sorted namespaces after the marker (when given), at most {@code limit} of them. */
    List<MetadefNamespace> page(List<MetadefNamespace> visible, MetadefNamespace after) {
        Comparator<MetadefNamespace> order = order();
        return visible.stream().sorted(order).filter(n -> after == null || order.compare(n, after) > 0)
                .limit(limit).toList();
    }
}
