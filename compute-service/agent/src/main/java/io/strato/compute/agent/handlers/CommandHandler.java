package io.strato.compute.agent.handlers;

/**
 * Handles one kind of command from compute-service. Implementations are idempotent: the same command
 * delivered twice (at-least-once delivery) leaves the same domain behind and reports the same outcome.
 * Expected failures come back as {@link Outcome#failed}; anything thrown is reported as a failure too.
 *
 * @param <C> the command record of {@link io.strato.compute.protocol.Commands}
 */
public interface CommandHandler<C> {

    /** The command name, one of {@code Commands.SPAWN}, {@code Commands.STOP}... */
    String command();

    /** The record the command's data is read into. */
    Class<C> commandType();

    Outcome handle(C command);
}
