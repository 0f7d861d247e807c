package io.strato.network.api;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Neutron's bulk create ({@code {"networks": [...]}}, {@code {"subnets": [...]}}, {@code {"ports": [...]}}): all the
 * resources or none. They are created one after the other, each exactly as a single create is (policy, quota,
 * addresses, events); when one fails, those already made are deleted again and that failure is the answer, so the
 * caller never holds half a bulk.
 */
public final class BulkCreate {
    private static final Logger LOG = Logger.getLogger(BulkCreate.class);

    private BulkCreate() {
    }

    /**
     * The items of a bulk body, each checked as a single create's body would be; a 400 when the list is empty.
     *
     * @param resource the singular name, e.g. {@code network}, for the message
     */
    public static <A, R> List<R> requests(List<A> items, String resource, Function<A, R> parse) {
        if (items.isEmpty()) {
            throw Neutron.invalid("Resource body required: a bulk create needs at least one " + resource + ".");
        }
        return items.stream().map(parse).toList();
    }

    /**
     * Creates every request in order; on the first failure deletes what was made (a failed delete is logged and
     * skipped) and fails with the create's failure.
     */
    public static <R, D> Uni<List<D>> all(List<R> requests, Function<R, Uni<D>> create,
                                          Function<D, Uni<Void>> delete, Function<D, Object> id) {
        List<D> made = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (R r : requests) {
            chain = chain.chain(() -> create.apply(r)).invoke(made::add).replaceWithVoid();
        }
        return chain.map(v -> List.copyOf(made))
                .onFailure().call(failure -> undo(made, delete, id));
    }

    private static <D> Uni<Void> undo(List<D> made, Function<D, Uni<Void>> delete, Function<D, Object> id) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (D d : made) {
            chain = chain.chain(() -> delete.apply(d)
                    .onFailure().invoke(e -> LOG.warnf("bulk create: %s not deleted again: %s", id.apply(d),
                            e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }
}
