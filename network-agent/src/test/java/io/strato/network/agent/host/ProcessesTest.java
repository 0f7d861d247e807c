package io.strato.network.agent.host;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a daemon the agent started: dnsmasq forks away, so its parent is init, not the agent, and it lingers as
 * a zombie until init reaps it. {@link Processes#stop} returns as soon as it has exited, not when init gets to it
 * (this container's init reaps a second or more later; the JDK's {@code onExit} waited for that, 2 s a stop).
 */
class ProcessesTest {

    final String namespace = "pst" + UUID.randomUUID().toString().substring(0, 8);
    final Processes processes = new Processes();
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Sh.hostNetworking(), "needs root, ip and dnsmasq (.ci/run installs them)");
        dir = Files.createTempDirectory("strato-processes-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertTrue(Sh.run("ip", "netns", "add", namespace).ok());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dir == null) {
            return;
        }
        Path pid = dir.resolve("pid");
        if (Files.exists(pid)) {
            Sh.run("kill", "-9", Files.readString(pid).strip());
        }
        Sh.run("ip", "netns", "del", namespace);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aStoppedDnsmasqIsGoneAtOnceThoughInitHasNotReapedIt() throws Exception {
        Path pidFile = dir.resolve("pid");
        List<String> command = List.of("dnsmasq", "--conf-file=/dev/null", "--port=0", "--pid-file=" + pidFile,
                "--log-facility=" + dir.resolve("log"));
        processes.startInNamespace(namespace, command);
        String line = processes.commandLine(pidFile);
        assertEquals(String.join(" ", command), line, "dnsmasq runs, found by its pid file");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertEquals(1, ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(1L),
                "it forked away: its parent is init, which reaps it, not the agent");

        long start = System.nanoTime();
        processes.stop(pidFile);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, "stop returned promptly: " + took);
        assertFalse(Processes.running(pid), "dnsmasq has exited (at most a zombie waiting for init)");
        assertNull(processes.commandLine(pidFile));
        assertFalse(Files.exists(pidFile), "its pid file is removed");
    }

    @Test
    void aDaemonThatIgnoresSigtermIsKilled() throws Exception {
        Path pidFile = dir.resolve("pid");
        Sh.Out started = Sh.sh("sh -c 'trap \"\" TERM; while :; do sleep 0.1; done' >/dev/null 2>&1 & echo $! > "
                + pidFile);
        assertTrue(started.ok(), started.text());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        // the background shell has been forked; wait until it runs its own command line
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> String.valueOf(processes.commandLine(pidFile)).contains("trap"));

        long start = System.nanoTime();
        processes.stop(pidFile);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertFalse(Processes.running(pid), "SIGKILL after the grace period");
        assertTrue(took.compareTo(Duration.ofMillis(1900)) > 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
                "it had its two seconds, then no more: " + took);
    }
}
