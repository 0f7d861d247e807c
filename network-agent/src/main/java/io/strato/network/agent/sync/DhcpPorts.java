package io.strato.network.agent.sync;

import io.strato.network.agent.api.NetworkApi;
import io.strato.network.agent.dhcp.DhcpPortRequests;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.state.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates this host's DHCP port on a network through the API (as Neutron's DHCP agent does), at most once per
 * network every {@link #RETRY} while it has not appeared; the created port goes straight into the state.
 */
public final class DhcpPorts implements DhcpPortRequests {

    private static final Logger LOG = Logger.getLogger(DhcpPorts.class);
    static final Duration RETRY = Duration.ofSeconds(30);

    private final NetworkApi api;
    private final ClusterState state;
    private final String host;
    private final Clock clock;
    private final Map<UUID, Instant> requested = new HashMap<>();

    public DhcpPorts(NetworkApi api, ClusterState state, String host, Clock clock) {
        this.api = api;
        this.state = state;
        this.host = host;
        this.clock = clock;
    }

    @Override
    public void request(UUID networkId, java.util.List<UUID> subnets) {
        Instant last = requested.get(networkId);
        Instant now = clock.instant();
        if (last != null && last.plus(RETRY).isAfter(now)) {
            return;
        }
        requested.put(networkId, now);
        try {
            state.putPort(NeutronJson.port(api.createDhcpPort(networkId, subnets, host)));
            LOG.infof("created the DHCP port of network %s on %s", networkId, host);
        } catch (RuntimeException e) {
            LOG.warnf("could not create the DHCP port of network %s (retrying in %s): %s", networkId, RETRY, e.getMessage());
        }
    }
}
