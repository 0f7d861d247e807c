package io.strato.compute.hosts;

import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Topics;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Sends a command to the agent of a host: an outbox row in the caller's transaction, so it leaves only if the state change commits. */
@ApplicationScoped
public class AgentCommands {
    private final Outbox outbox;

    AgentCommands(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Sends {@code command} (one of the Commands records) named {@code name} to {@code host}, keyed by the server. */
    public Uni<Void> send(String host, UUID serverId, String name, Object command) {
        return outbox.add(Topics.host(host), Topics.commandType(name), serverId.toString(), command);
    }
}
