package io.strato.kit.data.events;

import io.strato.kit.events.StratoEvent;
import io.strato.kit.events.BroadcastListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test broadcast listener: keeps what it receives. */
@ApplicationScoped
public class RecordingListener implements BroadcastListener {

    public static final String TOPIC = "strato.kit-test.broadcast";

    private final LinkedBlockingQueue<StratoEvent> received = new LinkedBlockingQueue<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void onEvent(StratoEvent event) {
        received.add(event);
    }

    /** The next received event, or null after the timeout (a method: fields of a client proxy are not the bean's). */
    public StratoEvent poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }
}
