package io.strato.network.ports;

import io.smallrye.mutiny.Uni;

/** Whether a host's network agent is alive, as the agents feature knows it. */
public interface HostLiveness {

    /** A host's agent: never heard of (a host without a data plane), heard lately, or silent too long. */
    enum Agent { NONE, ALIVE, DEAD }

    Uni<Agent> agentOf(String host);
}
