package io.strato.kit.events;

/**
 * A CDI bean that sees EVERY event of a topic in EVERY instance of the service, replayed from the
 * topic's beginning at start-up: for in-memory state such as a token revocation list.
 *
 * <p>Each instance uses its own, unique consumer group and stores nothing in the database.
 * {@link #onEvent} is called on the kit's broadcast consumer thread (blocking is allowed but delays
 * the other listeners); an exception is logged and the event is not redelivered.
 */
public interface BroadcastListener {

    /** The Kafka topic to follow, e.g. {@code strato.revocations}. */
    String topic();

    /** Called once per event, in topic-partition order. */
    void onEvent(StratoEvent event);
}
