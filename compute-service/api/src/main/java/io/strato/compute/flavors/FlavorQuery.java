package io.strato.compute.flavors;

import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Paging;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * The query of {@code GET /flavors[/detail]} as Nova reads it: {@code is_public} (admins only: true, false or
 * none for all; default true), {@code minRam}, {@code minDisk}, {@code sort_key} (default flavorid),
 * {@code sort_dir} (default asc), {@code limit} (at most 1000) and {@code marker} (a flavor id).
 *
 * @param isPublic true: public flavors and private ones of the caller's project; false: private only; null: all
 */
record FlavorQuery(Boolean isPublic, Integer minRam, Integer minDisk, Comparator<Flavor> order, Paging paging) {
    static final int MAX_LIMIT = 1000;

    private static final Map<String, Function<Flavor, Comparable<?>>> SORT_KEYS = Map.ofEntries(
            Map.entry("flavorid", f -> f.id),
            Map.entry("id", f -> f.id),
            Map.entry("name", f -> f.name),
            Map.entry("memory_mb", f -> f.memoryMb),
            Map.entry("vcpus", f -> f.vcpus),
            Map.entry("root_gb", f -> f.rootGb),
            Map.entry("ephemeral_gb", f -> f.ephemeralGb),
            Map.entry("swap", f -> f.swap),
            Map.entry("rxtx_factor", f -> f.rxtxFactor),
            Map.entry("is_public", f -> f.isPublic),
            Map.entry("disabled", f -> f.disabled),
            Map.entry("description", f -> f.description == null ? "" : f.description),
            Map.entry("created_at", f -> f.createdAt),
            Map.entry("updated_at", f -> f.updatedAt),
            Map.entry("vcpu_weight", f -> 0));

    static FlavorQuery parse(Map<String, String> params) {
        return new FlavorQuery(isPublic(params.get("is_public")),
                number(params, "minRam"), number(params, "minDisk"),
                order(params.get("sort_key"), params.get("sort_dir")),
                paging(params.get("limit"), params.get("marker")));
    }

    private static Boolean isPublic(String v) {
        if (v == null || v.isEmpty()) {
            return true;
        }
        if (v.equalsIgnoreCase("none")) {
            return null;
        }
        return Booleans.parse(v).orElseThrow(() -> new InvalidInput("Invalid is_public filter [" + v + "]"));
    }

    private static Integer number(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("Invalid " + name + " filter [" + v + "]");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Flavor> order(String key, String dir) {
        String k = key == null || key.isEmpty() ? "flavorid" : key;
        Function<Flavor, Comparable<?>> extract = SORT_KEYS.get(k);
        if (extract == null) {
            throw new InvalidInput("Invalid sort_key [" + k + "]; sort by one of " + String.join(", ", new java.util.TreeSet<>(SORT_KEYS.keySet())) + ".");
        }
        String d = dir == null || dir.isEmpty() ? "asc" : dir;
        if (!d.equals("asc") && !d.equals("desc")) {
            throw new InvalidInput("Invalid sort_dir [" + d + "]; use asc or desc.");
        }
        Comparator<Flavor> c = Comparator.comparing(f -> (Comparable) extract.apply(f), Comparator.nullsFirst(Comparator.naturalOrder()));
        c = c.thenComparing(f -> f.id);
        return d.equals("desc") ? c.reversed() : c;
    }

    private static Paging paging(String limit, String marker) {
        Paging p = Paging.of(limit, marker, MAX_LIMIT, MAX_LIMIT);
        // Nova: a limit of 0 is no limit (the maximum)
        return p.limit() == 0 ? new Paging(MAX_LIMIT, p.marker()) : p;
    }
}
