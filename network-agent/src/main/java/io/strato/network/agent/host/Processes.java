package io.strato.network.agent.host;

import io.strato.host.process.Polling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Daemons the agent starts (dnsmasq) and finds again after its own restart through their pid files: a
 * daemon counts as running only while its pid is alive with the command line it was started with.
 */
public final class Processes {

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(10);

    /** The running daemon's command line (arguments joined by spaces), or null when none runs for this pid file. */
    public String commandLine(Path pidFile) {
        Optional<Long> pid = pid(pidFile);
        if (pid.isEmpty()) {
            return null;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", pid.get().toString(), "cmdline"));
            String line = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return line.isEmpty() ? null : line;
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts a daemonising command inside a network namespace ({@code ip netns exec}). */
    public void startInNamespace(String namespace, List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(command);
        Tools.run(all);
    }

    /** SIGHUP: dnsmasq re-reads its hosts and options files. */
    public void hangUp(Path pidFile) {
        pid(pidFile).ifPresent(pid -> Tools.succeeds("kill", "-HUP", pid.toString()));
    }

    /**
     * SIGTERM, then SIGKILL after two seconds; nothing when it does not run. Returns once the process has exited.
     *
     * <p>A daemon is not our child: once it forked away, its parent is the pid namespace's init, and it stays a
     * zombie until init reaps it, which a container's init may do late or never. The JDK counts a zombie as alive
     * ({@link ProcessHandle#isAlive} and {@code onExit} only ask whether {@code /proc/<pid>} is there), so waiting
     * on its handle would wait for someone else's reaping. A zombie has exited (its sockets, files and leases are
     * closed), so here it counts as gone.
     */
    public void stop(Path pidFile) {
        Optional<Long> pid = pid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get());
        if (handle.isEmpty()) {
            return;
        }
        handle.get().destroy();
        if (!exits(pid.get(), STOP_GRACE)) {
            handle.get().destroyForcibly();
            exits(pid.get(), STOP_GRACE);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the next start overwrites it
        }
    }

    /** Whether the process runs: {@code /proc/<pid>} is there and its state is not zombie ({@code Z}) or dead ({@code X}). */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // "pid (comm) S ...": the comm may hold spaces and parentheses, the state follows the last ')'
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Polls until the process no longer runs or {@code within} passes; returns whether it stopped. */
    private static boolean exits(long pid, Duration within) {
        return Polling.until(() -> !running(pid), within, POLL);
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return running(pid) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

}
