package io.strato.kit.data.events;

import io.strato.kit.events.StratoEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test handler: writes a widget per event (in the kit's transaction) and counts invocations. */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String TOPIC = "strato.kit-test.handled";
    public static final String TYPE = "strato.kit-test.thing.done.v1";

    private final Map<UUID, AtomicInteger> invocations = new ConcurrentHashMap<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public boolean accepts(String type) {
        return TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        int call = invocations.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        int failTimes = event.data().path("failTimes").asInt(0);
        return new Widget(UUID.randomUUID(), "handled:" + event.id()).persist()
                .chain(w -> call <= failTimes
                        ? Uni.createFrom().failure(new IllegalStateException("planned failure " + call))
                        : Uni.createFrom().voidItem());
    }

    int invocations(UUID id) {
        AtomicInteger n = invocations.get(id);
        return n == null ? 0 : n.get();
    }
}
