package io.strato.identity.oauth1;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.events.IdentityEvents;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** OAuth1 consumers: made with a random secret, described, deleted (the delegation flow itself is not served). */
@ApplicationScoped
public class ConsumerService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsumerRepository consumers;
    private final IdentityEvents events;

    public ConsumerService(ConsumerRepository consumers, IdentityEvents events) {
        this.consumers = consumers;
        this.events = events;
    }

    @WithSession
    public Uni<Consumer> get(String id) {
        return consumers.findById(id).onItem().ifNull()
                .failWith(() -> new NotFound("Could not find consumer: " + id + "."));
    }

    @WithSession
    public Uni<List<Consumer>> list() {
        return consumers.listAll(Sort.by("id"));
    }

    @WithTransaction
    public Uni<Consumer> create(ConsumerView.Fields f) {
        if (f.secret() != null) {
            throw new InvalidInput("Invalid input for field 'consumer.secret': the secret is made by the server.");
        }
        Consumer c = new Consumer();
        c.id = Ids.newId();
        c.description = f.description();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        c.secret = HexFormat.of().formatHex(secret);
        return consumers.persist(c).call(saved -> events.publish("consumer", "created", saved.id, Map.of("id", saved.id)));
    }

    @WithTransaction
    public Uni<Consumer> update(String id, ConsumerView.Fields f) {
        if (f.secret() != null) {
            throw new InvalidInput("Invalid input for field 'consumer.secret': a consumer's secret cannot be changed.");
        }
        return get(id).call(c -> {
            if (f.description() != null) {
                c.description = f.description();
            }
            return events.publish("consumer", "updated", c.id, Map.of("id", c.id));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).call(consumers::delete)
                .call(c -> events.publish("consumer", "deleted", c.id, Map.of("id", c.id))).replaceWithVoid();
    }
}
