package io.strato.compute.saga;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Networks;
import io.strato.compute.protocol.Commands;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives a server the ports it asked for, idempotently: it first lists the ports network-service already has
 * for the server (device_id) and reuses them (rebinding them when the server moved to another host), so a
 * retried step or a restarted compute-service never creates a second port for one interface.
 */
@ApplicationScoped
public class PortPlanner {
    private final Networks networks;

    PortPlanner(Networks networks) {
        this.networks = networks;
    }

    /**
     * The server's ports as rows to store and as the spawn command's interfaces, in the requested order, and
     * those network-service could not bind on the host ({@code binding:vif_type binding_failed}).
     */
    public record PortPlan(List<ServerPort> rows, List<Commands.Port> interfaces, List<UUID> bindingFailed) {
    }

    public Uni<PortPlan> ensure(Server s) {
        if (s.requestedNetworks.isEmpty()) {
            return Uni.createFrom().item(new PortPlan(List.of(), List.of(), List.of()));
        }
        return networks.portsOf(s.id).chain(existing -> {
            Set<UUID> used = new HashSet<>();
            Uni<List<Networks.PortInfo>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Server.RequestedNetwork wanted : s.requestedNetworks) {
                chain = chain.chain(done -> one(s, wanted, existing, used).map(p -> {
                    done.add(p);
                    return done;
                }));
            }
            return chain;
        }).chain(ports -> describe(s, ports));
    }

    private Uni<Networks.PortInfo> one(Server s, Server.RequestedNetwork wanted, List<Networks.PortInfo> existing,
                                      Set<UUID> used) {
        Networks.PortInfo found = null;
        for (Networks.PortInfo p : existing) {
            if (used.contains(p.id())) {
                continue;
            }
            boolean match = wanted.portId() != null ? p.id().equals(wanted.portId())
                    : Networks.DEVICE_OWNER.equals(p.deviceOwner()) && p.networkId().equals(wanted.networkId())
                    && !isUserPort(s, p.id())
                    && (wanted.fixedIp() == null || p.fixedIps().stream().anyMatch(ip -> wanted.fixedIp().equals(ip.ipAddress())));
            if (match) {
                found = p;
                break;
            }
        }
        if (found != null) {
            used.add(found.id());
            if (s.host.equals(found.bindingHost())) {
                return Uni.createFrom().item(found);
            }
            return networks.bind(found.id(), s.id, s.host);
        }
        if (wanted.portId() != null) {
            used.add(wanted.portId());
            return networks.bind(wanted.portId(), s.id, s.host);
        }
        List<UUID> groups = s.securityGroups.stream().map(Server.SecurityGroup::id).filter(id -> id != null).toList();
        return networks.createPort(new Networks.PortRequest(wanted.networkId(), s.projectId, s.id, s.host,
                wanted.fixedIp(), groups)).invoke(p -> used.add(p.id()));
    }

    private static boolean isUserPort(Server s, UUID portId) {
        return s.requestedNetworks.stream().anyMatch(n -> portId.equals(n.portId()));
    }

    /** Adds each network's name (the key of the server's addresses) and MTU. */
    private Uni<PortPlan> describe(Server s, List<Networks.PortInfo> ports) {
        Map<UUID, Networks.NetworkInfo> nets = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID net : ports.stream().map(Networks.PortInfo::networkId).distinct().toList()) {
            chain = chain.chain(() -> networks.networkAsService(net).invoke(n -> nets.put(net, n)).replaceWithVoid());
        }
        return chain.map(v -> {
            List<ServerPort> rows = new ArrayList<>();
            List<Commands.Port> interfaces = new ArrayList<>();
            for (Networks.PortInfo p : ports) {
                Networks.NetworkInfo n = nets.get(p.networkId());
                ServerPort row = new ServerPort();
                row.serverId = s.id;
                row.portId = p.id();
                row.networkId = p.networkId();
                row.networkName = n == null ? "" : n.name();
                row.macAddress = p.macAddress();
                row.fixedIps = p.fixedIps().stream()
                        .map(ip -> new ServerPort.Address(ip.ipAddress(), ip.subnetId(), ip.version())).toList();
                row.createdByCompute = !isUserPort(s, p.id());
                rows.add(row);
                interfaces.add(new Commands.Port(p.id(), p.networkId(), p.macAddress(), n == null ? 1500 : n.mtu(),
                        p.fixedIps().stream().map(Networks.FixedIp::ipAddress).toList(), p.bridgeName()));
            }
            return new PortPlan(rows, interfaces,
                    ports.stream().filter(Networks.PortInfo::bindingFailed).map(Networks.PortInfo::id).toList());
        });
    }
}
