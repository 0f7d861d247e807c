package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The last console output (or the reason there is none) an agent reported for a server, keyed by the
 * command that asked for it; os-getConsoleOutput waits for the row of its own command.
 */
@ApplicationScoped
public class ConsoleOutputs {
    private static final String UPSERT = "insert into console_output (server_id, request_id, output, error, updated_at)"
            + " select id, :rid, :output, :error, now() from server where id = :id"
            + " on conflict (server_id) do update set request_id = excluded.request_id, output = excluded.output,"
            + " error = excluded.error, updated_at = excluded.updated_at";

    /** What the agent answered: the text, or the error when it could not read the console. */
    public record Answer(String output, String error) {
    }

    /** Stores the agent's answer (in the caller's transaction); a server that is gone is skipped. */
    public Uni<Void> store(UUID serverId, UUID commandId, String output, String error) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("rid", commandId)
                .setParameter("output", output)
                .setParameter("error", error)
                .setParameter("id", serverId)
                .executeUpdate()).replaceWithVoid();
    }

    /** The answer to one command, or null while there is none (needs a session). */
    public Uni<Answer> find(UUID serverId, UUID commandId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select output, error from console_output where server_id = :id and request_id = :rid", Object[].class)
                .setParameter("id", serverId).setParameter("rid", commandId).getSingleResultOrNull())
                .map(row -> row == null ? null : new Answer((String) row[0], (String) row[1]));
    }
}
