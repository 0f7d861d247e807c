package io.strato.network.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.web.PageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Runs list queries built by {@link ListSql} and gives Neutron's collection bodies their
 * {@code <collection>_links}. Cutting the items to {@code fields} is {@link FieldSelectionFilter}'s.
 */
@ApplicationScoped
public class Lists {

    /**
     * The entities the query selects, read-only (Hibernate keeps no snapshot of their state for a flush: a change
     * to them is not written; a list shows what it read); needs a session ({@code @WithSession} on the caller).
     */
    public <T> Uni<List<T>> fetch(Class<T> entity, ListSql.Query query) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(query.sql(), entity).setReadOnly(true);
            query.params().forEach(q::setParameter);
            return q.getResultList();
        });
    }

    /**
     * The value of {@code <collection>_links}: a next link when a limited page came back full (its marker
     * the last item's id), else null (and the member is left out).
     */
    public static <V> List<Link> next(List<V> views, Function<V, String> id, ListRequest request, UriInfo uri) {
        if (request.limit() == null || views.size() != request.limit() || uri == null || views.isEmpty()) {
            return null;
        }
        // the limit as applied (over 1000 capped), every other parameter as the client sent it
        URI page = uri.getRequestUriBuilder().replaceQueryParam("limit", request.limit()).build();
        String href = PageLinks.next(page, id.apply(views.get(views.size() - 1)), null, null);
        return List.of(new Link("next", href));
    }
}
