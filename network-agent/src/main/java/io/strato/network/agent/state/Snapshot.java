package io.strato.network.agent.state;

import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import java.util.Map;
import java.util.UUID;

/** An immutable copy of what the agent knows of the cloud, at one {@code generation}. */
public record Snapshot(long generation, Map<UUID, NetworkInfo> networks, Map<UUID, SubnetInfo> subnets,
        Map<UUID, PortInfo> ports, Map<UUID, SecurityGroupInfo> securityGroups, Map<UUID, RuleInfo> rules,
        Map<UUID, RouterInfo> routers, Map<UUID, FloatingIpInfo> floatingIps) {

    public Snapshot {
        routers = Map.copyOf(routers);
        floatingIps = Map.copyOf(floatingIps);
        networks = Map.copyOf(networks);
        subnets = Map.copyOf(subnets);
        ports = Map.copyOf(ports);
        securityGroups = Map.copyOf(securityGroups);
        rules = Map.copyOf(rules);
    }

    public static Snapshot empty() {
        return new Snapshot(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
}
