package io.strato.network.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.agent.api.NetworkApi;
import io.strato.network.agent.model.FloatingIpInfo;
import io.strato.network.agent.model.MalformedResource;
import io.strato.network.agent.model.NetworkInfo;
import io.strato.network.agent.model.NeutronJson;
import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RouterInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import io.strato.network.agent.model.SubnetInfo;
import io.strato.network.agent.state.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A full resync: lists networks, subnets, ports, security groups (with their rules), routers and floating IPs from
 * network-service
 * and replaces the agent's state with them. Run at start, after a partition reassignment (events may have been
 * missed) and periodically.
 */
public final class Resync {

    private static final Logger LOG = Logger.getLogger(Resync.class);

    private final NetworkApi api;
    private final ClusterState state;

    public Resync(NetworkApi api, ClusterState state) {
        this.api = api;
        this.state = state;
    }

    public void run() {
        long start = System.nanoTime();
        List<NetworkInfo> networks = read("networks", "networks", NeutronJson::network);
        List<SubnetInfo> subnets = read("subnets", "subnets", NeutronJson::subnet);
        List<PortInfo> ports = read("ports", "ports", NeutronJson::port);
        List<JsonNode> groupJson = api.list("security-groups", "security_groups");
        List<SecurityGroupInfo> groups = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        for (JsonNode g : groupJson) {
            try {
                groups.add(NeutronJson.securityGroup(g));
                rules.addAll(NeutronJson.rulesOf(g));
            } catch (MalformedResource e) {
                LOG.warnf("resync: skipping a security group: %s", e.getMessage());
            }
        }
        List<RouterInfo> routers = read("routers", "routers", NeutronJson::router);
        List<FloatingIpInfo> floatingIps = read("floatingips", "floatingips", NeutronJson::floatingIp);
        state.replaceAll(networks, subnets, ports, groups, rules, routers, floatingIps);
        LOG.infof("resync: %d networks, %d subnets, %d ports, %d security groups, %d rules, %d routers, %d floating IPs"
                + " in %d ms", networks.size(), subnets.size(), ports.size(), groups.size(), rules.size(), routers.size(),
                floatingIps.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private <T> List<T> read(String collection, String key, Function<JsonNode, T> parse) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : api.list(collection, key)) {
            try {
                out.add(parse.apply(n));
            } catch (MalformedResource e) {
                LOG.warnf("resync: skipping one of %s: %s", collection, e.getMessage());
            }
        }
        return out;
    }
}
