package io.strato.identity.catalog;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Endpoint groups: a name and filters over the endpoints' service, interface and region. */
@ApplicationScoped
public class EndpointGroupService {
    /** The endpoint attributes a group may filter on, as Keystone's schema lists them. */
    private static final Set<String> FILTERS = Set.of("service_id", "interface", "region_id");

    private final EndpointGroupRepository groups;
    private final IdentityEvents events;

    public EndpointGroupService(EndpointGroupRepository groups, IdentityEvents events) {
        this.groups = groups;
        this.events = events;
    }

    @WithSession
    public Uni<EndpointGroup> get(String id) {
        return groups.findById(id).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find endpoint group: " + id + "."));
    }

    @WithSession
    public Uni<List<EndpointGroup>> list(String name) {
        return name == null ? groups.listAll(Sort.by("id")) : groups.list("name = ?1 order by id", name);
    }

    @WithTransaction
    public Uni<EndpointGroup> create(EndpointGroupView.Fields f) {
        EndpointGroup g = new EndpointGroup();
        g.id = Ids.newId();
        g.name = Validate.name(f.name(), "endpoint_group.name");
        g.description = f.description();
        g.filters = filters(f.filters());
        return groups.persist(g).call(saved -> events.publish("endpoint_group", "created", saved.id, Map.of("id", saved.id)));
    }

    @WithTransaction
    public Uni<EndpointGroup> update(String id, EndpointGroupView.Fields f) {
        return get(id).call(g -> {
            if (f.name() != null) {
                g.name = Validate.name(f.name(), "endpoint_group.name");
            }
            if (f.description() != null) {
                g.description = f.description();
            }
            if (f.filters() != null) {
                g.filters = filters(f.filters());
            }
            return events.publish("endpoint_group", "updated", g.id, Map.of("id", g.id));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).call(groups::delete)
                .call(g -> events.publish("endpoint_group", "deleted", g.id, Map.of("id", g.id))).replaceWithVoid();
    }

    private static Map<String, String> filters(Map<String, String> filters) {
        if (filters == null || filters.isEmpty()) {
            throw new InvalidInput("Invalid input for field 'endpoint_group.filters': it is required and must name"
                    + " at least one of service_id, interface, region_id.");
        }
        for (String key : filters.keySet()) {
            if (!FILTERS.contains(key)) {
                throw new InvalidInput("Invalid input for field 'endpoint_group.filters': '" + key
                        + "' is not one of service_id, interface, region_id.");
            }
        }
        return new LinkedHashMap<>(filters);
    }
}
