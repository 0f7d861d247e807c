package io.strato.network.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Daemons the agent starts (dnsmasq) and finds again after its own restart through their pid files: a
 * daemon counts as running only while its pid is alive with the command line it was started with.
 */
public final class Processes {

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

    /** SIGTERM, then SIGKILL after two seconds; nothing when it does not run. */
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
        try {
            handle.get().onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // the next start overwrites it
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

}
