package io.strato.host.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One command on this host (qemu-img, stat), run to its end within a timeout that holds.
 *
 * <p>Its stdout and stderr (merged, in the order it wrote them) are read on a thread of their own while the
 * caller waits for the process with {@link Process#waitFor(long, TimeUnit)}: reading the output to its end
 * first, as the copies this replaces did, waits for as long as the process keeps it open, so a hung tool
 * was never timed out. When the timeout passes, the process and every process it started are killed and
 * {@link CommandTimedOut} is thrown. Its stdin is closed at once: a tool that asks for input reads its end.
 *
 * <p>Failures are unchecked and typed ({@link CommandException}'s subtypes), so each caller can put them in
 * its own words.
 */
public final class HostCommand {

    private static final Logger LOG = Logger.getLogger(HostCommand.class);
    /** How long killed processes, and the end of their output after that, are waited for. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final List<String> command;
    private final Duration timeout;

    public HostCommand(Duration timeout, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    public static HostCommand of(Duration timeout, String... command) {
        return new HostCommand(timeout, List.of(command));
    }

    public List<String> command() {
        return command;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How a command ended: its exit code and its stdout and stderr (merged, UTF-8, trimmed). */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs the command to its end, whatever its exit code. */
    public Result run() {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CommandNotStarted(command, e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it may have exited already; it had nothing to read either way
        }
        Drain output = new Drain(process.getInputStream(), "host-command " + CommandException.brief(command));
        try {
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                int killed = kill(process);
                output.await(GRACE.toNanos());
                LOG.warnf("%s did not finish in %s; killed it and %d process(es) it started",
                        CommandException.brief(command), describe(timeout), killed);
                throw new CommandTimedOut(command, timeout, output.text());
            }
            if (!output.await(remaining(deadline))) {
                // it exited, but something it started (and left behind) still holds its output open
                output.abandon();
                LOG.warnf("%s exited, but its output was still open after %s", CommandException.brief(command),
                        describe(timeout));
                throw new CommandTimedOut(command, timeout, output.text());
            }
            return new Result(process.exitValue(), output.text());
        } catch (InterruptedException e) {
            kill(process);
            output.abandon();
            Thread.currentThread().interrupt();
            throw new CommandInterrupted(command, e);
        }
    }

    /** Runs the command to its end and returns its output; {@link CommandFailed} when it exits non-zero. */
    public String output() {
        Result result = run();
        if (!result.succeeded()) {
            throw new CommandFailed(command, result.exitCode(), result.output());
        }
        return result.output();
    }

    /** {@code 120 s}, or {@code 1500 ms} when not whole seconds. */
    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /**
     * Kills the process and every process it started, and waits (briefly) until they are gone; how many
     * descendants there were. The descendants are listed first: once the process is gone, its children
     * are re-parented and no longer found through it.
     */
    private static int kill(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (int i = 0; i < family.size(); i++) { // grows with what a child started in the meantime
            ProcessHandle member = family.get(i);
            member.descendants().filter(d -> !family.contains(d)).forEach(family::add);
            member.destroyForcibly();
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<ProcessHandle> all = new ArrayList<>(family);
        all.add(process.toHandle());
        for (ProcessHandle member : all) {
            try {
                member.onExit().get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("process %d did not end after it was killed", member.pid());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return family.size();
    }

    /** Reads a process's output to its end on a thread of its own. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            this.in = in;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    bytes.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // closed under us (abandoned): what was read so far is the output
            }
        }

        /** Whether the output ended within {@code nanos}. */
        boolean await(long nanos) throws InterruptedException {
            if (nanos > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
            }
            return !thread.isAlive();
        }

        /** Stops waiting for more output (the reading thread ends when the output does). */
        void abandon() {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }

        /** The output read so far. */
        String text() {
            return bytes.toString(StandardCharsets.UTF_8).trim();
        }
    }
}
