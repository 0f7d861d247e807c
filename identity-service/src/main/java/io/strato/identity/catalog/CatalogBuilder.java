package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service catalog as Keystone puts it in tokens and in {@code GET /v3/auth/catalog}:
 * {@code [{"type", "name", "id", "endpoints": [{"id", "interface", "region", "region_id", "url"}]}]},
 * enabled services with their enabled endpoints.
 *
 * <p>The catalog is read on every token issue, and changes rarely, so it is held in memory. Every catalog
 * write on this instance drops it after its commit (a generation counter stops a load that raced with a
 * write from storing stale data). Writes made by another instance are not seen here until the entry
 * expires ({@link #TTL}): with a single instance the cache is always exact; with several, a catalog change
 * reaches every instance's tokens within the TTL.
 */
@ApplicationScoped
public class CatalogBuilder {
    /** How long a cached catalog is trusted when no write on this instance invalidated it. */
    static final Duration TTL = Duration.ofSeconds(60);
    /** Keystone's URL substitutions: {@code $(project_id)s} and {@code %(project_id)s}. */
    private static final Pattern TEMPLATE = Pattern.compile("[$%]\\((\\w+)\\)s");

    private record Cached(long generation, Instant loadedAt, List<CatalogEntry> catalog) {
    }

    private final CatalogServiceRepository services;
    private final EndpointRepository endpoints;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public CatalogBuilder(CatalogServiceRepository services, EndpointRepository endpoints) {
        this.services = services;
        this.endpoints = endpoints;
    }

    /** The catalog with endpoint URLs as stored (templates such as {@code $(project_id)s} left in). */
    @WithSession
    public Uni<List<CatalogEntry>> build() {
        Cached c = cache.get();
        if (c != null && c.generation == generation.get() && c.loadedAt.plus(TTL).isAfter(Instant.now())) {
            return Uni.createFrom().item(c.catalog);
        }
        long gen = generation.get();
        return load().invoke(list -> {
            if (generation.get() == gen) {
                cache.set(new Cached(gen, Instant.now(), list));
            }
        });
    }

    /**
     * The catalog of a token: URL templates filled with the token's project and user, as Keystone does;
     * an endpoint whose template cannot be filled (e.g. {@code $(project_id)s} in an unscoped token) is left
     * out.
     */
    public Uni<List<CatalogEntry>> build(String projectId, String userId) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("project_id", projectId);
        values.put("tenant_id", projectId);
        values.put("user_id", userId);
        return build().map(catalog -> substitute(catalog, values));
    }

    /** Drops the cached catalog; called after every committed catalog write. */
    public void invalidate() {
        generation.incrementAndGet();
        cache.set(null);
    }

    private Uni<List<CatalogEntry>> load() {
        return services.list("enabled = true order by type, name, id").flatMap(svcs -> endpoints
                .list("enabled = true order by serviceId, regionId, iface, id").map(eps -> {
                    Map<String, List<Endpoint>> byService = eps.stream()
                            .collect(Collectors.groupingBy(e -> e.serviceId, LinkedHashMap::new, Collectors.toList()));
                    List<CatalogEntry> out = new ArrayList<>();
                    for (CatalogService s : svcs) {
                        out.add(CatalogEntry.of(s, byService.getOrDefault(s.id, List.of()).stream()
                                .map(CatalogEntry.Url::of).toList()));
                    }
                    return Collections.unmodifiableList(out);
                }));
    }

    static List<CatalogEntry> substitute(List<CatalogEntry> catalog, Map<String, String> values) {
        List<CatalogEntry> out = new ArrayList<>(catalog.size());
        for (CatalogEntry service : catalog) {
            List<CatalogEntry.Url> filled = new ArrayList<>(service.endpoints().size());
            for (CatalogEntry.Url ep : service.endpoints()) {
                String url = fill(ep.url(), values);
                if (url != null) {
                    filled.add(ep.at(url));
                }
            }
            out.add(service.withEndpoints(filled));
        }
        return Collections.unmodifiableList(out);
    }

    /** The URL with its templates filled, or null when one names a value that is missing. */
    static String fill(String url, Map<String, String> values) {
        Matcher m = TEMPLATE.matcher(url);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
