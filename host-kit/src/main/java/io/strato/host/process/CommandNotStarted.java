package io.strato.host.process;

import java.io.IOException;
import java.util.List;

/** The program could not be started at all (not installed, not executable); the cause says why. */
public final class CommandNotStarted extends CommandException {

    CommandNotStarted(List<String> command, IOException cause) {
        super(command, "could not run " + command.get(0) + ": " + cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
