package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MetadefNamespaceRepository implements PanacheRepositoryBase<MetadefNamespace, UUID> {

    public Uni<MetadefNamespace> byName(String namespace) {
        return find("namespace", namespace).firstResult();
    }

    /**
     * The namespaces a caller sees (an admin all, others public ones and their project's), optionally
     * of one visibility and associated with any of some resource types, in no order.
     */
    public Uni<List<MetadefNamespace>> visible(String project, boolean admin, String visibility,
                                               List<String> resourceTypes) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!admin) {
            where.add("(n.visibility = 'public' or n.owner = :project)");
            params.put("project", project == null ? "" : project);
        }
        if (visibility != null) {
            where.add("n.visibility = :visibility");
            params.put("visibility", visibility);
        }
        if (!resourceTypes.isEmpty()) {
            where.add("exists (select 1 from MetadefAssociation a where a.namespaceId = n.id"
                    + " and a.resourceType in :types)");
            params.put("types", resourceTypes);
        }
        String query = "from MetadefNamespace n" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, params).list();
    }
}
