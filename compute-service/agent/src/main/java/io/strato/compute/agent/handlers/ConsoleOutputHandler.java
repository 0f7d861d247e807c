package io.strato.compute.agent.handlers;

import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * os-getConsoleOutput: the end of the guest's serial console log (a file the domain's {@code <serial
 * type='file'>} writes), the last {@code length} lines when asked. At most the last 100 KiB are read,
 * as Nova caps it. On a simulated host no guest runs, so the log is empty and the message says why.
 */
@Singleton
public class ConsoleOutputHandler extends HandlerBase<Commands.ConsoleOutput> {

    static final int MAX_BYTES = 100 * 1024;

    public ConsoleOutputHandler(GuestControl guests) {
        super(Commands.CONSOLE_OUTPUT, Commands.ConsoleOutput.class, guests);
    }

    @Override
    public Outcome handle(Commands.ConsoleOutput command) {
        var id = command.serverId();
        DomainPower power = guests.power(id);
        if (power == DomainPower.NOSTATE && !Files.isDirectory(guests.store().dir(id))) {
            return Outcome.failed(power, "server " + id + " has no domain on this host");
        }
        String text = lastLines(tail(guests.store().consoleLog(id)), command.length());
        String message = text.isEmpty() && guests.libvirt().simulated()
                ? "simulated host (libvirt test driver): no guest runs, so its console log is empty"
                : "console output";
        return Outcome.console(power, text, message);
    }

    static String tail(Path log) {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console log " + log, e);
        }
    }

    /** The last {@code n} lines (all when null or negative, as Nova treats a missing length). */
    static String lastLines(String text, Integer n) {
        if (n == null || n < 0 || text.isEmpty()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int end = lines.length;
        if (text.endsWith("\n")) {
            end--; // the text after the last newline is not a line
        }
        int start = Math.max(0, end - n);
        String joined = String.join("\n", Arrays.copyOfRange(lines, start, end));
        return joined.isEmpty() ? "" : joined + (text.endsWith("\n") ? "\n" : "");
    }
}
