package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.l2.Peers;

/** {@code strato.network.agent.heartbeat.v1} of every agent: the tunnel addresses VXLAN floods to. */
public final class HeartbeatHandler implements EventHandler {

    private final Peers peers;
    private final String host;

    public HeartbeatHandler(Peers peers, String host) {
        this.peers = peers;
        this.host = host;
    }

    @Override
    public String kind() {
        return "agent";
    }

    @Override
    public boolean handle(String action, JsonNode data) {
        String from = data.path("host").asText("");
        String tunnel = data.path("tunnel_ip").asText("");
        if (!"heartbeat".equals(action) || from.isEmpty() || tunnel.isEmpty() || from.equals(host)) {
            return false;
        }
        return peers.heard(from, tunnel);
    }
}
