package io.strato.network.routers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What routers and floating IPs read of the L2 resources they join (networks, subnets, ports and
 * their addresses), as plain rows read with native SQL in the caller's session. Networks, subnets
 * and ports are written by their own packages; L3 only reads them (and sets a port's owner).
 */
public final class Topology {
    private Topology() {
    }

    /** A network as L3 sees it. */
    public record Net(UUID id, String projectId, boolean shared, boolean external) {
        /** Admins see every network; others their own, shared ones and external ones. */
        public boolean visibleTo(Caller caller, boolean admin) {
            return admin || shared || external || Objects.equals(projectId, caller.projectId());
        }
    }

    /** A subnet as L3 sees it; {@code allocationPools} is its JSON text. */
    public record Subnet(UUID id, String projectId, UUID networkId, int ipVersion, String cidr, String gatewayIp,
                         String allocationPools) {
    }

    /** A port as L3 sees it. */
    public record PortRow(UUID id, String projectId, UUID networkId, String name, String macAddress,
                          boolean adminStateUp, String status, String deviceId, String deviceOwner) {
        public boolean visibleTo(Caller caller, boolean admin) {
            return admin || Objects.equals(projectId, caller.projectId());
        }
    }

    /** One fixed address of a port. */
    public record Address(UUID portId, UUID subnetId, String ipAddress) {
    }

    /** "is one of the ids in parameter {@code :ids}" (given as {@link Ids#sqlArray}). */
    public static final String IN_IDS = "= ANY(CAST(string_to_array(:ids, ',') AS uuid[]))";

    private static final String SUBNET_COLUMNS =
            "SELECT id, project_id, network_id, ip_version, cidr, gateway_ip, CAST(allocation_pools AS text) FROM subnet ";
    private static final String PORT_COLUMNS = "SELECT id, project_id, network_id, name, mac_address, admin_state_up, "
            + "status, device_id, device_owner FROM port ";

    /** The network, or null when there is none. */
    public static Uni<Net> network(UUID id) {
        return rows("SELECT id, project_id, shared, router_external FROM network WHERE id = :id", Map.of("id", id))
                .map(rows -> rows.isEmpty() ? null : net(rows.get(0)));
    }

    /** The subnet, or null. */
    public static Uni<Subnet> subnet(UUID id) {
        return subnets(List.of(id)).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public static Uni<List<Subnet>> subnets(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return rows(SUBNET_COLUMNS + "WHERE id " + IN_IDS + " ORDER BY created_at, id", Map.of("ids", Ids.sqlArray(ids)))
                .map(rows -> rows.stream().map(Topology::subnet).toList());
    }

    public static Uni<List<Subnet>> subnetsOfNetwork(UUID networkId) {
        return rows(SUBNET_COLUMNS + "WHERE network_id = :n ORDER BY created_at, id", Map.of("n", networkId))
                .map(rows -> rows.stream().map(Topology::subnet).toList());
    }

    /** The port, or null; {@code lock} takes its row FOR UPDATE (two attachments of one port are serialised). */
    public static Uni<PortRow> port(UUID id, boolean lock) {
        return rows(PORT_COLUMNS + "WHERE id = :id" + (lock ? " FOR UPDATE" : ""), Map.of("id", id))
                .map(rows -> rows.isEmpty() ? null : port(rows.get(0)));
    }

    public static Uni<Map<UUID, PortRow>> ports(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows(PORT_COLUMNS + "WHERE id " + IN_IDS, Map.of("ids", Ids.sqlArray(ids))).map(rows -> {
            Map<UUID, PortRow> out = new LinkedHashMap<>();
            rows.stream().map(Topology::port).forEach(p -> out.put(p.id(), p));
            return out;
        });
    }

    /** The fixed addresses of the given ports, by port (ports without addresses are absent). */
    public static Uni<Map<UUID, List<Address>>> addresses(Collection<UUID> portIds) {
        if (portIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return rows("SELECT a.port_id, a.subnet_id, a.ip_address FROM ip_allocation a JOIN subnet s ON s.id = a.subnet_id "
                + "WHERE a.port_id " + IN_IDS + " ORDER BY s.ip_version, s.created_at, a.ip_address",
                Map.of("ids", Ids.sqlArray(portIds)))
                .map(rows -> {
                    Map<UUID, List<Address>> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        Address a = new Address((UUID) r[0], (UUID) r[1], (String) r[2]);
                        out.computeIfAbsent(a.portId(), k -> new ArrayList<>()).add(a);
                    }
                    return out;
                });
    }

    public static Uni<List<Address>> addresses(UUID portId) {
        return addresses(List.of(portId)).map(m -> m.getOrDefault(portId, List.of()));
    }

    /** Rows of a native query with two or more columns. */
    public static Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            params.forEach(q::setParameter);
            return q.getResultList();
        });
    }

    /** Runs a native INSERT/UPDATE/DELETE. */
    public static Uni<Integer> execute(String sql, Map<String, Object> params) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql);
            params.forEach(q::setParameter);
            return q.executeUpdate();
        });
    }

    private static Net net(Object[] r) {
        return new Net((UUID) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3]);
    }

    private static Subnet subnet(Object[] r) {
        return new Subnet((UUID) r[0], (String) r[1], (UUID) r[2], ((Number) r[3]).intValue(), (String) r[4],
                (String) r[5], (String) r[6]);
    }

    private static PortRow port(Object[] r) {
        return new PortRow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (Boolean) r[5],
                (String) r[6], (String) r[7], (String) r[8]);
    }
}
