package io.strato.network.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** network-service settings; every key can be set by environment variable (STRATO_NETWORK_...). */
@ConfigMapping(prefix = "strato.network")
public interface NetworkConfig {

    /** Public URL of this service as clients reach it (through the gateway), used in version links. */
    @WithDefault("http://127.0.0.1:8080/networking")
    String publicUrl();

    /** The network type of networks tenants create (vxlan, vlan or flat). */
    @WithDefault("vxlan")
    String tenantNetworkType();

    /** VXLAN ids handed out to new networks, {@code min:max[,min:max]}. */
    @WithDefault("1001:2000")
    String vniRanges();

    /** VLAN ids per physical network, {@code physnet:min:max[,physnet:min:max]}. */
    @WithDefault("physnet1:100:199")
    String vlanRanges();

    /** The MTU of new networks (1450 leaves room for the VXLAN header on a 1500 underlay). */
    @WithDefault("1450")
    int mtu();

    /**
     * A network agent whose last heartbeat is older than this is dead (Neutron's {@code agent_down_time}; the agents
     * beat every 10 s): {@code alive} false in {@code /v2.0/agents}, and ports bound to its host fail to bind.
     */
    @WithDefault("75s")
    Duration agentDownTime();

    /**
     * How many port creates of one project run in the database at once; the others wait in memory, in arrival
     * order, so that one project's burst leaves pooled connections (12) to every other request.
     */
    @WithDefault("6")
    int portCreatesPerProject();

    /** Default per-project limits by Neutron resource name (network, subnet, port...); -1 is unlimited. */
    Map<String, Integer> quota();
}
