package io.strato.network.routers;

import io.smallrye.mutiny.Uni;

/**
 * Where a router runs: the L3 agent scheduler's side of a router change (implemented by {@code l3agents}). Both
 * methods run in the caller's transaction, with the router's row locked FOR UPDATE.
 */
public interface RouterHosting {

    /**
     * The router's host, choosing one first when it has none (a live agent's, the one hosting the fewest routers):
     * called before the router gains a port, so that the port is created bound. Null when no agent can take it.
     */
    Uni<String> schedule(Router r);

    /** Binds the router's interface and gateway ports to its host (unbinds them when it has none). */
    Uni<Void> bindPorts(Router r);
}
