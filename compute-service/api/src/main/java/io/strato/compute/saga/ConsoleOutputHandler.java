package io.strato.compute.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Reports;
import io.strato.compute.servers.ConsoleOutputs;
import jakarta.inject.Singleton;

/** Stores the console output an agent read for a server; the waiting os-getConsoleOutput call picks it up by command id. */
@Singleton
public class ConsoleOutputHandler extends ReportHandler<Reports.ConsoleOutput> {
    private final ConsoleOutputs outputs;

    ConsoleOutputHandler(ObjectMapper mapper, ConsoleOutputs outputs) {
        super(Reports.CONSOLE_OUTPUT, Reports.ConsoleOutput.class, mapper);
        this.outputs = outputs;
    }

    @Override
    Uni<Void> apply(Reports.ConsoleOutput r) {
        if (r.serverId() == null || r.commandId() == null) {
            return Uni.createFrom().voidItem();
        }
        return outputs.store(r.serverId(), r.commandId(), r.output() == null ? "" : r.output(), null);
    }
}
