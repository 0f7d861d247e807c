package io.strato.host.process;

import java.util.List;

/**
 * The calling thread was interrupted while the command ran; the command (and what it started) was killed,
 * and the thread's interrupt flag is set again.
 */
public final class CommandInterrupted extends CommandException {

    CommandInterrupted(List<String> command, InterruptedException cause) {
        super(command, brief(command) + " was interrupted", cause);
    }
}
