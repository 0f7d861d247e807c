package io.strato.compute.agent.messaging;

import io.strato.kit.events.StratoEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.agent.Json;
import io.strato.compute.agent.handlers.CommandHandler;
import io.strato.compute.agent.handlers.Outcome;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.DomainStatus;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs the handler of a command event and reports its outcome: a {@code CommandResult} for every
 * command (and a {@code ConsoleOutput} before it for console-output commands). An exception from a
 * handler becomes a failed result with the domain's current power state. Reports are retried until
 * Kafka acknowledges them, so the offset of a command is committed only after its result is out.
 */
public class CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Map<String, CommandHandler<?>> handlers = new HashMap<>();
    private final ReportSink reports;
    private final LibvirtHost libvirt;
    private final String host;
    private final BooleanSupplier running;

    public CommandDispatcher(List<CommandHandler<?>> handlers, ReportSink reports, LibvirtHost libvirt, String host,
            BooleanSupplier running) {
        for (CommandHandler<?> h : handlers) {
            if (this.handlers.put(h.command(), h) != null) {
                throw new IllegalStateException("two handlers for command " + h.command());
            }
        }
        this.reports = reports;
        this.libvirt = libvirt;
        this.host = host;
        this.running = running;
    }

    /**
     * The lane of one server's commands and reconciliation checks ({@link SerialLanes}): its id as text, as
     * compute-service puts it in a command's subject. Both must use the same key, else a check runs beside a command.
     */
    public static String laneKey(UUID serverId) {
        return serverId.toString();
    }

    /** The server a command event is about (its subject, else its data's server_id), for lane ordering. */
    public static String laneKey(StratoEvent event) {
        if (event.subject() != null) {
            return event.subject();
        }
        JsonNode id = event.data().path("server_id");
        return id.isTextual() ? id.asText() : "host";
    }

    /**
     * Handles one command event and reports it.
     *
     * @throws ReportSink.ReportNotSent when the agent stops before the report was acknowledged (the
     *         command is then delivered again after a restart, and handlers are idempotent)
     */
    public void dispatch(StratoEvent event) {
        String name = Topics.commandName(event.type());
        CommandHandler<?> handler = name == null ? null : handlers.get(name);
        if (handler == null) {
            LOG.warnf("ignoring event %s of type %s: not a command this agent knows", event.id(), event.type());
            return;
        }
        UUID commandId = uuid(event.data(), "command_id");
        UUID serverId = uuid(event.data(), "server_id");
        long started = System.nanoTime();
        Outcome outcome = run(handler, event.data(), serverId);
        LOG.infof("%s %s (command %s): %s in %d ms%s", name, serverId, commandId,
                outcome.success() ? "done" : "FAILED", (System.nanoTime() - started) / 1_000_000,
                outcome.success() ? "" : ": " + outcome.message());
        Instant at = Instant.now();
        String subject = serverId == null ? event.subject() : serverId.toString();
        outcome.consoleOutput().ifPresent(text -> deliver(Reports.CONSOLE_OUTPUT, subject,
                new Reports.ConsoleOutput(commandId, serverId, host, text, at)));
        deliver(Reports.COMMAND_RESULT, subject, new Reports.CommandResult(commandId, serverId, host, name,
                outcome.success(), outcome.power().novaPowerState(), outcome.message(), at));
    }

    private <C> Outcome run(CommandHandler<C> handler, JsonNode data, UUID serverId) {
        C command;
        try {
            command = Json.MAPPER.treeToValue(data, handler.commandType());
        } catch (JsonProcessingException e) {
            return Outcome.failed(DomainPower.NOSTATE, "malformed " + handler.command() + " command: "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(DomainPower.NOSTATE, "malformed " + handler.command() + " command: "
                    + e.getMessage());
        }
        if (serverId == null) {
            return Outcome.failed(DomainPower.NOSTATE, handler.command() + " command without server_id");
        }
        try {
            return handler.handle(command);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s of %s failed", handler.command(), serverId);
            return Outcome.failed(powerOf(serverId), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private DomainPower powerOf(UUID serverId) {
        try {
            return libvirt.domain(serverId).map(DomainStatus::power).orElse(DomainPower.NOSTATE);
        } catch (RuntimeException e) {
            return DomainPower.NOSTATE;
        }
    }

    /** Sends until acknowledged, backing off; gives up only when the agent stops. */
    void deliver(String report, String subject, Object data) {
        Duration backoff = Duration.ofMillis(250);
        while (true) {
            try {
                reports.send(report, subject, data);
                return;
            } catch (ReportSink.ReportNotSent e) {
                if (!running.getAsBoolean()) {
                    throw e;
                }
                LOG.warnf("%s; retrying in %d ms", e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static UUID uuid(JsonNode data, String field) {
        JsonNode v = data.path(field);
        if (!v.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportSink.ReportNotSent("interrupted", e);
        }
    }
}
