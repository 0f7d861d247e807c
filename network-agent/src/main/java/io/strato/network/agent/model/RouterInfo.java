package io.strato.network.agent.model;

import java.util.List;
import java.util.UUID;

/**
 * A router as its L3 part needs it (the API's JSON as an admin reads it). Its interfaces and gateway are ports
 * ({@code device_owner network:router_interface / network:router_gateway}, {@code device_id} the router), which
 * carry the host the router lives on ({@code binding:host_id}).
 *
 * @param enableSnat {@code external_gateway_info.enable_snat} (false without a gateway)
 * @param routes     extra routes ({@code routes})
 */
public record RouterInfo(UUID id, boolean adminStateUp, boolean enableSnat, List<Route> routes, long revision) {

    /** An extra route: traffic for {@code destination} goes to {@code nexthop}. */
    public record Route(String destination, String nexthop) {
    }
}
