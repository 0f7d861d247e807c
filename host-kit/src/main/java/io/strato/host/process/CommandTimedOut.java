package io.strato.host.process;

import java.time.Duration;
import java.util.List;

/**
 * The command did not finish within its timeout: it and every process it started were killed before this
 * was thrown (or it had exited, but something it left behind still held its output open). {@link #output()}
 * is what it had said until then.
 */
public final class CommandTimedOut extends CommandException {

    private final Duration timeout;
    private final String output;

    CommandTimedOut(List<String> command, Duration timeout, String output) {
        super(command, brief(command) + " did not finish in " + HostCommand.describe(timeout), null);
        this.timeout = timeout;
        this.output = output;
    }

    public Duration timeout() {
        return timeout;
    }

    /** What the command wrote before it was killed, trimmed. */
    public String output() {
        return output;
    }
}
