package io.strato.network.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.strato.kit.serviceauth.ServiceAuthConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The network agent's settings; every key can be set by environment variable (e.g. STRATO_NETWORK_AGENT_HOST). */
@ConfigMapping(prefix = "strato.network-agent")
public interface AgentConfig {

    /** This host's name, as compute binds ports to it ({@code binding:host_id}); the compute agent's host name. */
    @WithDefault("${strato.agent.host:strato-host-1}")
    String host();

    /** This host's VXLAN source address (the underlay address other hosts reach it on). */
    @WithDefault("127.0.0.1")
    String tunnelIp();

    /** Other hosts' tunnel addresses known in advance; agents' heartbeats add the rest. */
    Optional<List<String>> tunnelPeers();

    /** {@code physnet:interface} pairs for flat and VLAN networks, e.g. {@code physnet1:eth1}. */
    Optional<List<String>> physicalInterfaceMappings();

    /** network-service's base URL (the Neutron API root, without /v2.0). */
    @WithDefault("http://127.0.0.1:9696")
    String networkUrl();

    /** compute-service's metadata API, where the metadata proxies forward guests' requests. */
    @WithDefault("http://127.0.0.1:8775")
    String metadataUrl();

    /**
     * The secret shared with compute-service's metadata API, which signs each forwarded request's instance id
     * (Neutron's {@code metadata_proxy_shared_secret}).
     */
    @WithDefault("strato-local-metadata-secret")
    String metadataSecret();

    /** The agent's identity for reading network-service (needs the admin role). */
    ServiceAuthConfig serviceAuth();

    /** Where dnsmasq's files live, one directory per network. */
    @WithDefault("${java.io.tmpdir}/strato-network-agent/${strato.network-agent.host:strato-host-1}")
    String stateDirectory();

    /** Topic of network-service's events. */
    @WithDefault("strato.network")
    String eventsTopic();

    /** Topic of the agents' heartbeats (tunnel addresses for VXLAN flooding). */
    @WithDefault("strato.network.agent")
    String agentTopic();

    /** How often the agent announces itself. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A peer silent for this long is dropped from the VXLAN flood lists. */
    @WithDefault("60s")
    Duration peerTimeout();

    /** A full resync from the API at this interval, besides the one at start and after a partition reassignment. */
    @WithDefault("300s")
    Duration resyncInterval();

    /** How often the host is checked for drift (a rule or bridge changed by hand, dnsmasq dead). */
    @WithDefault("5s")
    Duration driftInterval();

    /** Name of the agent's two nftables tables ({@code bridge <name>} and {@code inet <name>}). */
    @WithDefault("strato")
    String nftTable();

    /** Whether this agent programs the host (off in tests that check the pure parts). */
    @WithDefault("true")
    boolean programHost();
}
