package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Neutron's bulk create ({@code {"ports": [...]}}): all the ports or none. They are created one after the other,
 * each as a single create is (quota, addresses, groups, events); when one fails, those already made are deleted
 * again and the failure is the answer, so the caller never holds half a bulk.
 */
@ApplicationScoped
public class PortBulkCreates {

    private static final Logger LOG = Logger.getLogger(PortBulkCreates.class);

    private final PortCreates creates;
    private final PortDeletes deletes;

    public PortBulkCreates(PortCreates creates, PortDeletes deletes) {
        this.creates = creates;
        this.deletes = deletes;
    }

    public Uni<List<PortDetails>> create(Caller caller, List<PortRequest> requests) {
        List<PortDetails> made = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PortRequest r : requests) {
            chain = chain.chain(() -> creates.create(caller, r)).invoke(made::add).replaceWithVoid();
        }
        return chain.map(v -> List.copyOf(made))
                .onFailure().call(failure -> undo(caller, made));
    }

    private Uni<Void> undo(Caller caller, List<PortDetails> made) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PortDetails d : made) {
            chain = chain.chain(() -> deletes.delete(caller, d.port().id)
                    .onFailure().invoke(e -> LOG.warnf("bulk create: port %s not deleted again: %s", d.port().id,
                            e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }
}
