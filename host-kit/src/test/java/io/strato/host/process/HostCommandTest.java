package io.strato.host.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HostCommandTest {

    /** Far below the 60 s the hanging commands would take: a run that waits for them fails the test. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aCommandThatSucceedsAnswersItsOutput() {
        HostCommand.Result result = HostCommand.of(Duration.ofSeconds(10), "sh", "-c", "echo out; echo err >&2").run();
        assertEquals(0, result.exitCode());
        assertTrue(result.succeeded());
        assertEquals("out\nerr", result.output(), "stdout and stderr, merged in order and trimmed");
        assertEquals("hello", HostCommand.of(Duration.ofSeconds(10), "echo", "  hello  ").output());
    }

    @Test
    void aNonZeroExitCarriesTheToolsOwnWords() {
        HostCommand failing = HostCommand.of(Duration.ofSeconds(10), "sh", "-c",
                "echo 'Could not open image.qcow2: No such file or directory' >&2; exit 3");
        HostCommand.Result result = failing.run();
        assertEquals(3, result.exitCode());
        assertFalse(result.succeeded());

        CommandFailed e = assertThrows(CommandFailed.class, failing::output);
        assertEquals(3, e.exitCode());
        assertEquals("Could not open image.qcow2: No such file or directory", e.output());
        assertEquals("sh -c", e.brief());
        assertTrue(e.getMessage().contains("Could not open image.qcow2"), e.getMessage());
    }

    @Test
    void aHungCommandThatNeverWritesTimesOutAndIsKilled() {
        // the shell prints its own pid and its child's, then waits for the child (its output stays open)
        CommandTimedOut e = timesOut(HostCommand.of(TIMEOUT, "sh", "-c", "sleep 60 & echo $$ $!; wait"));
        assertEquals(TIMEOUT, e.timeout());
        assertTrue(e.getMessage().startsWith("sh -c did not finish in 1 s"), e.getMessage());
        assertGone(pids(e.output()));
    }

    @Test
    void aCommandThatPrintsThenHangsTimesOutWithWhatItSaid() {
        // the copies this replaced read the output to its end before the timeout began: 60 s here
        CommandTimedOut e = timesOut(HostCommand.of(TIMEOUT, "sh", "-c", "echo started $$; sleep 60"));
        assertTrue(e.output().startsWith("started "), e.output());
        assertGone(pids(e.output().substring("started ".length())));
    }

    @Test
    void anOutputLeftOpenByWhatTheCommandStartedIsBoundedToo() {
        // the shell exits at once; the background sleep it leaves behind may hold the output open (whether
        // the JDK had already drained it when the shell exited is a race): the run ends either way, in time
        String output = assertTimeoutPreemptively(BOUND, () -> {
            try {
                return HostCommand.of(TIMEOUT, "sh", "-c", "sleep 30 & echo $!").run().output();
            } catch (CommandTimedOut e) {
                return e.output();
            }
        });
        long orphan = pids(output).get(0);
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly); // not the runner's to find: ours
        assertGone(List.of(orphan));
    }

    @Test
    void aMissingProgramIsNotStarted() {
        CommandNotStarted e = assertThrows(CommandNotStarted.class,
                () -> HostCommand.of(TIMEOUT, "/nonexistent/qemu-img", "info").run());
        assertEquals(List.of("/nonexistent/qemu-img", "info"), e.command());
        assertTrue(e.getMessage().startsWith("could not run /nonexistent/qemu-img: "), e.getMessage());
    }

    @Test
    void anInterruptedCallerKillsTheCommand() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                HostCommand.of(Duration.ofSeconds(60), "sh", "-c", "sleep 60 & echo $$ $!; wait").run();
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        // wait until the shell (the test's child) has started its sleep before interrupting
        AtomicReference<List<Long>> started = new AtomicReference<>();
        await().atMost(BOUND).until(() -> {
            List<Long> family = ProcessHandle.current().children()
                    .filter(p -> p.info().command().map(c -> c.endsWith("sh")).orElse(false))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .map(ProcessHandle::pid).toList();
            started.set(family);
            return family.size() >= 2;
        });
        caller.interrupt();
        caller.join(BOUND.toMillis());
        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof CommandInterrupted, String.valueOf(thrown.get()));
        assertTrue(flag.get(), "the caller's interrupt flag is set again");
        assertGone(started.get());
    }

    @Test
    void aNonsenseTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostCommand.of(Duration.ZERO, "true"));
        assertThrows(IllegalArgumentException.class, () -> new HostCommand(TIMEOUT, List.of()));
    }

    private static CommandTimedOut timesOut(HostCommand command) {
        long start = System.nanoTime();
        CommandTimedOut e = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(CommandTimedOut.class, command::run));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took >= TIMEOUT.toMillis(), "it had its whole timeout: " + took + " ms");
        assertTrue(took < BOUND.toMillis(), "it ended soon after its timeout: " + took + " ms");
        return e;
    }

    private static List<Long> pids(String output) {
        List<Long> pids = Arrays.stream(output.trim().split("\\s+")).map(Long::parseLong).toList();
        assertFalse(pids.isEmpty(), output);
        return pids;
    }

    /** No process of these is left (an orphan may take a moment to be reaped by init). */
    private static void assertGone(List<Long> pids) {
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            for (long pid : pids) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid
                        + " is still there");
            }
        });
    }
}
