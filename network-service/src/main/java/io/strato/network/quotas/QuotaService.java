package io.strato.network.quotas;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.Neutron;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and changes per-project quota overrides. Enforcement is {@link NetworkQuotas#claim}'s. */
@ApplicationScoped
public class QuotaService {
    private final NetworkQuotas quotas;

    public QuotaService(NetworkQuotas quotas) {
        this.quotas = quotas;
    }

    @WithSession
    public Uni<QuotaView> limits(String projectId) {
        return quotas.limits(projectId).map(QuotaView::of);
    }

    public QuotaView defaults() {
        return QuotaView.of(quotas.defaults());
    }

    /** Every resource's limit, use and reservations ({@code details.json}). */
    @WithSession
    public Uni<QuotaView.Details> details(String projectId) {
        return quotas.limits(projectId).flatMap(all -> Multi.createFrom().iterable(all.entrySet())
                .onItem().transformToUniAndConcatenate(e -> quotas.used(projectId, e.getKey())
                        .map(used -> Map.entry(e.getKey(), new QuotaView.Usage(e.getValue(), used, 0))))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(usage -> QuotaView.Details.of(usage::get)));
    }

    /** Projects with any override, and their full limits. */
    @WithSession
    public Uni<List<QuotaView.OfProject>> overridden() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT DISTINCT project_id FROM quota ORDER BY project_id", String.class)
                .getResultList()).flatMap(projects -> Multi.createFrom().iterable(projects)
                .onItem().transformToUniAndConcatenate(p -> quotas.limits(p).map(l -> new QuotaView.OfProject(QuotaView.of(l), p, p)))
                .collect().asList());
    }

    /** Sets the given limits ({@code {"network": 5, ...}}); unknown resources and values below -1 are 400s. */
    @WithTransaction
    public Uni<QuotaView> update(String projectId, JsonNode quota) {
        Map<String, Integer> changes = parse(quota);
        return quotas.override(projectId, changes).chain(() -> quotas.limits(projectId)).map(QuotaView::of);
    }

    /** Back to the defaults. */
    @WithTransaction
    public Uni<Void> reset(String projectId) {
        return quotas.reset(projectId);
    }

    static Map<String, Integer> parse(JsonNode quota) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = quota.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!QuotaResources.TABLES.containsKey(e.getKey())) {
                unknown.add(e.getKey());
                continue;
            }
            JsonNode v = e.getValue();
            int limit;
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                limit = v.asInt();
            } else if (v.isTextual() && v.asText().matches("-?\\d{1,9}")) {
                limit = Integer.parseInt(v.asText());
            } else {
                throw Neutron.invalid("'" + v + "' is not an integer for quota " + e.getKey() + ".");
            }
            if (limit < -1) {
                throw Neutron.invalid("'" + limit + "' should be greater than or equal to -1 for quota " + e.getKey() + ".");
            }
            out.put(e.getKey(), limit);
        }
        if (!unknown.isEmpty()) {
            throw Neutron.badRequest("HTTPBadRequest", "Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        return out;
    }
}
