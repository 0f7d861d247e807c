package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Applies one kind of network-service event (ports, networks...) to the agent's state. */
public interface EventHandler {

    /** The resource kind in the event type {@code strato.network.<kind>.<action>.v1}. */
    String kind();

    /** Applies the event; returns whether the state changed (and the host must be reconciled). */
    boolean handle(String action, JsonNode data);
}
