package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.Neutron;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Port delete: the features holding the port let go, its addresses are freed, the cloud is told. */
@ApplicationScoped
public class PortDeletes {
    private final PortAccess access;
    private final PortAddresses addresses;
    private final PortQueries queries;
    private final Instance<PortReleaser> releasers;
    private final NetworkEvents events;

    public PortDeletes(PortAccess access, PortAddresses addresses, PortQueries queries, Instance<PortReleaser> releasers,
                       NetworkEvents events) {
        this.access = access;
        this.addresses = addresses;
        this.queries = queries;
        this.releasers = releasers;
        this.events = events;
    }

    /** Deletes a port; a router's or a floating IP's port is theirs to delete (409). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return access.visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> {
            access.enforce(PortPolicies.DELETE, caller, Map.of("project_id", p.projectId));
            if (p.ownedByAnotherFeature()) {
                throw Neutron.conflict("ServicePortInUse", "Port " + p.id
                        + " cannot be deleted directly via the port API: has device owner " + p.deviceOwner + ".");
            }
            return Panache.getSession().flatMap(s -> remove(s, p));
        });
    }

    /** Lets the features holding the port go of it, frees its addresses, deletes it and tells the cloud. */
    Uni<Void> remove(Mutiny.Session s, Port p) {
        Uni<Void> released = Uni.createFrom().voidItem();
        for (PortReleaser r : releasers) {
            released = released.chain(() -> r.releasePort(p.id));
        }
        return released.chain(() -> queries.details(p)).flatMap(shown -> {
            var view = PortView.of(shown, true);
            // a DELETE statement, not s.remove(p): Hibernate Reactive's entity delete completes concurrent
            // deletes of one entity type on each other's threads (HR000069, quarkusio/quarkus#41945), failing
            // them and leaving their transactions open with the port row locked
            return addresses.release(s, p.id).chain(s::flush)
                    .chain(() -> s.createNativeQuery("DELETE FROM port WHERE id = :id").setParameter("id", p.id).executeUpdate())
                    .invoke(() -> s.detach(p))
                    .chain(() -> events.publish("port", "deleted", p.id, view));
        });
    }
}
