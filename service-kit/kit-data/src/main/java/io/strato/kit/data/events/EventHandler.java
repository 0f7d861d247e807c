package io.strato.kit.data.events;

import io.strato.kit.events.StratoEvent;
import io.smallrye.mutiny.Uni;

/**
 * A CDI bean that consumes events of one topic exactly once per service (not per instance).
 *
 * <p>The kit runs one Kafka consumer in the service's group ({@code strato.events.group}). For each
 * event it calls {@link #handle} of every handler whose {@link #topic} and {@link #accepts} match,
 * inside ONE reactive transaction that also records the event id in {@code strato_processed_event};
 * an id already recorded is skipped, so a redelivered event is handled once. If {@code handle} fails
 * the transaction rolls back and the event is retried (with back-off) before later events of the
 * same partition.
 */
public interface EventHandler {

    /** The Kafka topic this handler reads, e.g. {@code strato.identity}. */
    String topic();

    /** Whether this handler wants events of the given CloudEvents type. */
    boolean accepts(String type);

    /**
     * Applies the event. Runs on a Vert.x context inside the kit's transaction: use Panache or
     * {@code Panache.getSession()} directly, do not open another transaction.
     */
    Uni<Void> handle(StratoEvent event);
}
