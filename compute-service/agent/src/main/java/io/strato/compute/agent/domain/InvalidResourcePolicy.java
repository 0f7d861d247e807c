package io.strato.compute.agent.domain;

/** A flavor's {@code quota:*} extra specs cannot be turned into a domain (bad number, contradictory limits). */
public class InvalidResourcePolicy extends IllegalArgumentException {
    public InvalidResourcePolicy(String message) {
        super(message);
    }
}
