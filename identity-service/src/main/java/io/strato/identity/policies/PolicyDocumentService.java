package io.strato.identity.policies;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Filter;
import io.strato.identity.api.Ids;
import io.strato.identity.api.Validate;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Stored policy documents: Keystone's schema asks for a {@code type} and a {@code blob}, both strings. */
@ApplicationScoped
public class PolicyDocumentService {
    private final PolicyDocumentRepository policies;
    private final IdentityEvents events;

    public PolicyDocumentService(PolicyDocumentRepository policies, IdentityEvents events) {
        this.policies = policies;
        this.events = events;
    }

    @WithSession
    public Uni<PolicyDocument> get(String id) {
        return policies.findById(id).onItem().ifNull().failWith(() -> new NotFound("Could not find policy: " + id + "."));
    }

    @WithSession
    public Uni<List<PolicyDocument>> list(String type) {
        Filter f = new Filter().eq("type", type);
        return policies.list(f.orderBy("id"), f.params());
    }

    @WithTransaction
    public Uni<PolicyDocument> create(PolicyDocumentView.Fields f) {
        PolicyDocument p = new PolicyDocument();
        p.id = Ids.newId();
        p.type = Validate.name(f.type(), "policy.type");
        p.blob = blob(f.blob());
        return policies.persist(p).call(saved -> events.publish("policy", "created", saved.id, Map.of("id", saved.id)));
    }

    @WithTransaction
    public Uni<PolicyDocument> update(String id, PolicyDocumentView.Fields f) {
        return get(id).call(p -> {
            if (f.type() != null) {
                p.type = Validate.name(f.type(), "policy.type");
            }
            if (f.blob() != null) {
                p.blob = blob(f.blob());
            }
            return events.publish("policy", "updated", p.id, Map.of("id", p.id));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).call(p -> policies.delete(p))
                .call(p -> events.publish("policy", "deleted", p.id, Map.of("id", p.id))).replaceWithVoid();
    }

    private static String blob(String blob) {
        if (blob == null) {
            throw new InvalidInput("Invalid input for field 'policy.blob': it is required.");
        }
        return blob;
    }
}
