package io.strato.compute.agent.handlers;

import io.strato.compute.agent.libvirt.DomainPower;
import java.util.Optional;

/**
 * What handling a command came to: success or not, the domain's power state afterwards (NOSTATE when
 * there is no domain), a message for compute-service (a user-facing fault on failure), and for the
 * console-output command the console text.
 */
public record Outcome(boolean success, DomainPower power, String message, Optional<String> consoleOutput) {

    public static Outcome done(DomainPower power, String message) {
        return new Outcome(true, power, message, Optional.empty());
    }

    public static Outcome failed(DomainPower power, String reason) {
        return new Outcome(false, power, reason, Optional.empty());
    }

    public static Outcome console(DomainPower power, String output, String message) {
        return new Outcome(true, power, message, Optional.of(output));
    }
}
