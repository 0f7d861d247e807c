package io.strato.host.process;

import java.util.List;

/** The command ran to its end and exited non-zero; {@link #output()} is what it said (stdout and stderr). */
public final class CommandFailed extends CommandException {

    private final int exitCode;
    private final String output;

    CommandFailed(List<String> command, int exitCode, String output) {
        super(command, brief(command) + " failed (exit " + exitCode + "): " + output, null);
        this.exitCode = exitCode;
        this.output = output;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The tool's own words: its stdout and stderr as they came, trimmed. */
    public String output() {
        return output;
    }
}
