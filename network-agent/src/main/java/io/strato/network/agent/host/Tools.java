package io.strato.network.agent.host;

import io.strato.host.process.CommandException;
import io.strato.host.process.HostCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the host's own tools with a timeout; a failure becomes a {@link HostFailure} naming the command. */
final class Tools {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Tools() {
    }

    static String run(String... command) {
        return run(List.of(command));
    }

    static String run(List<String> command) {
        try {
            return new HostCommand(TIMEOUT, command).output();
        } catch (CommandException e) {
            throw new HostFailure(e.getMessage(), e);
        }
    }

    /** Runs the command and reports whether it exited 0 (for probes whose failure is an answer). */
    static boolean succeeds(String... command) {
        return succeeds(List.of(command));
    }

    static boolean succeeds(List<String> command) {
        try {
            return new HostCommand(TIMEOUT, command).run().succeeded();
        } catch (CommandException e) {
            return false;
        }
    }

    /** {@code prefix} followed by {@code rest}, in a list the caller may extend. */
    static List<String> join(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }
}
