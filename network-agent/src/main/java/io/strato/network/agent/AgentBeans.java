package io.strato.network.agent;

import io.strato.kit.events.EventsConfig;
import io.strato.kit.events.KafkaClients;
import io.strato.kit.serviceauth.ServiceHttp;
import io.strato.network.agent.api.NetworkApi;
import io.strato.network.agent.config.AgentConfig;
import io.strato.network.agent.dhcp.DhcpServers;
import io.strato.network.agent.events.Heartbeats;
import io.strato.network.agent.firewall.ConntrackZones;
import io.strato.network.agent.firewall.Firewall;
import io.strato.network.agent.host.Ip;
import io.strato.network.agent.host.Neighbours;
import io.strato.network.agent.host.Nft;
import io.strato.network.agent.host.Processes;
import io.strato.network.agent.l2.Bridges;
import io.strato.network.agent.l2.Ledger;
import io.strato.network.agent.l2.Peers;
import io.strato.network.agent.l3.Routers;
import io.strato.network.agent.metadata.MetadataProxies;
import io.strato.network.agent.plan.HostPlanner;
import io.strato.network.agent.reconcile.HostApplier;
import io.strato.network.agent.reconcile.Reconciler;
import io.strato.network.agent.state.ClusterState;
import io.strato.network.agent.sync.DhcpPorts;
import io.strato.network.agent.sync.Resync;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Builds the agent's parts from {@link AgentConfig}; the parts themselves know nothing of CDI or configuration. */
public class AgentBeans {

    @Produces
    @Singleton
    ClusterState state() {
        return new ClusterState();
    }

    @Produces
    @Singleton
    NetworkApi api(AgentConfig config) {
        ServiceHttp service = ServiceHttp.of(config.serviceAuth());
        return new NetworkApi(config.networkUrl(), service.token(), service.http());
    }

    @Produces
    @Singleton
    Peers peers(AgentConfig config) {
        return new Peers(config.tunnelPeers().orElse(List.of()), config.peerTimeout(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    Heartbeats heartbeats(AgentConfig config, EventsConfig events, ClusterState state) {
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(events, "network-agent." + config.host());
        return new Heartbeats(producer, config.agentTopic(), config.host(), config.tunnelIp(),
                () -> state.snapshot().ports().size());
    }

    void close(@Disposes Heartbeats heartbeats) {
        heartbeats.close();
    }

    @Produces
    @Singleton
    Reconciler reconciler(AgentConfig config, ClusterState state, NetworkApi api, Peers peers, Heartbeats heartbeats) {
        Ip ip = new Ip();
        HostPlanner planner = new HostPlanner(config.host(), mappings(config.physicalInterfaceMappings().orElse(List.of())));
        Bridges bridges = new Bridges(ip, config.tunnelIp(), peers::tunnelAddresses,
                new Ledger(Path.of(config.stateDirectory(), "devices")));
        DhcpServers dhcp = new DhcpServers(ip, new Processes(), Path.of(config.stateDirectory()),
                new DhcpPorts(api, state, config.host(), Clock.systemUTC()));
        MetadataProxies metadata = new MetadataProxies(state::snapshot, config.metadataUrl(), config.metadataSecret(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build());
        Routers routers = new Routers(ip, Nft::new, new Neighbours(), Path.of(config.stateDirectory()), config.nftTable());
        HostApplier host = new HostApplier(bridges, new Firewall(new Nft(), config.nftTable(),
                new ConntrackZones(Path.of(config.stateDirectory(), "conntrack-zones"))), dhcp, metadata, routers);
        return new Reconciler(state, planner, host, new Resync(api, state)::run, config.driftInterval(),
                config.resyncInterval(), config.host(), heartbeats::portUp);
    }

    /** {@code physnet1:eth1} pairs as a map; a pair without a colon is a configuration error. */
    static Map<String, String> mappings(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "strato.network-agent.physical-interface-mappings: expected physnet:interface, not '" + pair + "'");
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }
}
