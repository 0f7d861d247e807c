package io.strato.host.process;

import java.util.List;

/**
 * A {@link HostCommand} did not end well. The subtypes say how, so a caller can put each case in its own
 * words (its own exception type) without parsing messages.
 */
public abstract sealed class CommandException extends RuntimeException
        permits CommandFailed, CommandTimedOut, CommandNotStarted, CommandInterrupted {

    private final List<String> command;

    CommandException(List<String> command, String message, Throwable cause) {
        super(message, cause);
        this.command = List.copyOf(command);
    }

    /** The command as it was run, program first. */
    public List<String> command() {
        return command;
    }

    /** The program and its first argument, e.g. {@code qemu-img info}: what a message names. */
    public String brief() {
        return brief(command);
    }

    static String brief(List<String> command) {
        return command.size() < 2 ? command.get(0) : command.get(0) + " " + command.get(1);
    }
}
