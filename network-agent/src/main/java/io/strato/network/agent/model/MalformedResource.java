package io.strato.network.agent.model;

/** A resource in an event or an API answer that lacks what the agent needs (an id, a network); it is skipped. */
public final class MalformedResource extends RuntimeException {
    public MalformedResource(String message) {
        super(message);
    }
}
