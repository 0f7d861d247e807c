package io.strato.network.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.web.PageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs list queries built by {@link ListSql} and renders Neutron's collection bodies. */
@ApplicationScoped
public class Lists {

    /** The entities the query selects; needs a session ({@code @WithSession} on the caller). */
    public <T> Uni<List<T>> fetch(Class<T> entity, ListSql.Query query) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(query.sql(), entity);
            query.params().forEach(q::setParameter);
            return q.getResultList();
        });
    }

    /**
     * {@code {"networks": [...], "networks_links": [...]}}: each item rendered, cut to {@code fields},
     * and a next link when a limited page came back full.
     */
    public static <T> Map<String, Object> render(String collection, List<T> items, Function<T, Map<String, Object>> view,
                                                 ListRequest request, UriInfo uri) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        List<String> ids = new ArrayList<>();
        for (T item : items) {
            Map<String, Object> v = view.apply(item);
            ids.add(String.valueOf(v.get("id")));
            out.add(project(v, request.fields()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(collection, out);
        if (request.limit() != null && items.size() == request.limit() && uri != null) {
            // the limit as applied (over 1000 capped), every other parameter as the client sent it
            URI page = uri.getRequestUriBuilder().replaceQueryParam("limit", request.limit()).build();
            body.put(collection + "_links", PageLinks.nextLink(PageLinks.next(page, ids.get(ids.size() - 1), null, null)));
        }
        return body;
    }

    /** The view cut to the requested fields (all of it when none are asked for). */
    public static Map<String, Object> project(Map<String, Object> view, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return view;
        }
        Map<String, Object> cut = new LinkedHashMap<>();
        for (String f : fields) {
            if (view.containsKey(f)) {
                cut.put(f, view.get(f));
            }
        }
        return cut;
    }
}
