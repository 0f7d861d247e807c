package io.strato.network.agents;

import io.smallrye.mutiny.Uni;

/**
 * What another feature does when a host's network agent beats: called inside the heartbeat's transaction, after the
 * registry recorded it (so the agent is alive), for every heartbeat that registered.
 */
public interface HeartbeatListener {

    Uni<Void> agentBeat(String host);
}
