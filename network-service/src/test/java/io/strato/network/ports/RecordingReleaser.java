package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PortReleaser} for the tests: remembers which ports it was asked to let go of. */
@ApplicationScoped
public class RecordingReleaser implements PortReleaser {
    private final List<UUID> released = new CopyOnWriteArrayList<>();

    /** Through a method: a field read on the injected client proxy would not reach the bean. */
    List<UUID> released() {
        return released;
    }

    @Override
    public Uni<Void> releasePort(UUID portId) {
        released.add(portId);
        return Uni.createFrom().voidItem();
    }
}
