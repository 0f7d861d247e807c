package io.strato.compute.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Reports;
import jakarta.inject.Singleton;

/** Stores the console output an agent read for a server; the waiting os-getConsoleOutput call picks it up by command id. */
@Singleton
public class ConsoleOutputHandler extends ReportHandler<Reports.ConsoleOutput> {
    private static final String UPSERT = "insert into console_output (server_id, request_id, output, updated_at)"
            + " select id, :rid, :output, now() from server where id = :id"
            + " on conflict (server_id) do update set request_id = excluded.request_id, output = excluded.output,"
            + " updated_at = excluded.updated_at";

    ConsoleOutputHandler(ObjectMapper mapper) {
        super(Reports.CONSOLE_OUTPUT, Reports.ConsoleOutput.class, mapper);
    }

    @Override
    Uni<Void> apply(Reports.ConsoleOutput r) {
        if (r.serverId() == null || r.commandId() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("rid", r.commandId())
                .setParameter("output", r.output() == null ? "" : r.output())
                .setParameter("id", r.serverId())
                .executeUpdate()).replaceWithVoid();
    }
}
