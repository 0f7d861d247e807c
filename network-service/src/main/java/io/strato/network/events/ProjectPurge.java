package io.strato.network.events;

import io.strato.network.quotas.NetworkQuotas;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Removes a deleted project's networking inside the caller's transaction, in dependency order, and
 * tells the cloud what went (a deleted event per floating IP, router, port, subnet, network, subnet pool,
 * security group; a disassociated event per other project's floating IP that lost its port or router, with its state after
 * the change and its revision bumped).
 *
 * <p>The rule: everything the project owns goes, and what other projects attached to it is detached
 * (their floating IPs on its ports or routed through its routers, their rules naming its security
 * groups as remote group, their ports in its groups), except a network that other projects' ports
 * (theirs, their routers', their floating IPs') are still on: it stays, shared as it was, with the
 * subnets their addresses are in, until an admin deletes it. Every statement only deletes what
 * nothing refers to any more, so no foreign key can fail it: the purge never fails for good, which
 * would hold up every later identity event of its partition.
 */
@ApplicationScoped
class ProjectPurge {
    private static final Logger LOG = Logger.getLogger(ProjectPurge.class);
    private static final String IN = " = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))";
    private static final String IN_ROUTERS = " = ANY(CAST(string_to_array(:routers, ',') AS uuid[]))";

    /** The project's ports, its routers' ports (an adopted interface port may be another project's), its floating IPs' ports. */
    private static final String PORTS = "SELECT id, project_id FROM port WHERE project_id = :p "
            + "OR id IN (SELECT floating_port_id FROM floating_ip WHERE project_id = :p) "
            + "OR (device_owner LIKE 'network:router%' AND device_id IN (SELECT CAST(id AS text) FROM router WHERE project_id = :p))";
    private static final String DISASSOCIATE = "WITH old AS (SELECT id, port_id, fixed_ip_address, router_id FROM floating_ip "
            + "WHERE project_id <> :p AND (port_id" + IN + " OR router_id" + IN_ROUTERS + ") FOR UPDATE) "
            + "UPDATE floating_ip f SET port_id = NULL, fixed_ip_address = NULL, router_id = NULL, status = 'DOWN', "
            + "revision_number = f.revision_number + 1, updated_at = now() FROM old WHERE f.id = old.id "
            + "RETURNING f.id, f.project_id, f.floating_network_id, f.floating_ip_address, f.port_id, f.fixed_ip_address, "
            + "f.router_id, f.status, f.revision_number";
    /** A deleted floating IP's event: its last state, the revision bumped once more (it outranks every earlier event). */
    private static final String FIPS = "DELETE FROM floating_ip WHERE project_id = :p RETURNING id, project_id, "
            + "floating_network_id, floating_ip_address, port_id, fixed_ip_address, router_id, status, revision_number + 1";
    /** The project's networks no port is left on. */
    private static final String FREE_NETS = "(SELECT n.id FROM network n WHERE n.project_id = :p "
            + "AND NOT EXISTS (SELECT 1 FROM port x WHERE x.network_id = n.id))";
    private static final String SUBNETS = "DELETE FROM subnet s WHERE (s.project_id = :p OR s.network_id IN " + FREE_NETS + ") "
            + "AND NOT EXISTS (SELECT 1 FROM ip_allocation a WHERE a.subnet_id = s.id) "
            + "AND NOT EXISTS (SELECT 1 FROM router_interface ri WHERE ri.subnet_id = s.id) "
            + "RETURNING s.id, s.project_id, s.network_id";
    private static final String NETWORKS = "DELETE FROM network n WHERE n.project_id = :p "
            + "AND NOT EXISTS (SELECT 1 FROM port x WHERE x.network_id = n.id) "
            + "AND NOT EXISTS (SELECT 1 FROM subnet x WHERE x.network_id = n.id) "
            + "AND NOT EXISTS (SELECT 1 FROM ip_allocation x WHERE x.network_id = n.id) "
            + "AND NOT EXISTS (SELECT 1 FROM floating_ip x WHERE x.floating_network_id = n.id) "
            + "AND NOT EXISTS (SELECT 1 FROM router x WHERE x.gw_network_id = n.id) "
            + "RETURNING n.id, n.project_id";
    /** The project's subnet pools no subnet is left in (another project's subnets keep a shared pool until they go). */
    private static final String POOLS = "DELETE FROM subnetpool sp WHERE sp.project_id = :p "
            + "AND NOT EXISTS (SELECT 1 FROM subnet x WHERE x.subnetpool_id = sp.id) RETURNING sp.id, sp.project_id";
    private static final String GROUPS = "(SELECT id FROM security_group WHERE project_id = :p)";

    private final NetworkEvents events;
    private final NetworkQuotas quotas;

    ProjectPurge(NetworkEvents events, NetworkQuotas quotas) {
        this.quotas = quotas;
        this.events = events;
    }

    Uni<Void> purge(Mutiny.Session s, String p) {
        return ids(s, "SELECT id, project_id FROM router WHERE project_id = :p", p)
                .flatMap(routers -> ids(s, PORTS, p).flatMap(ports -> routersAndPorts(s, p, routers, ports)))
                .chain(() -> deleted(s, "subnet", SUBNETS, Map.of("p", p), "id", "project_id", "network_id"))
                .chain(() -> deleted(s, "network", NETWORKS, Map.of("p", p), "id", "project_id"))
                .chain(() -> deleted(s, "subnetpool", POOLS, Map.of("p", p), "id", "project_id"))
                .chain(() -> kept(s, p))
                .chain(() -> securityGroups(s, p))
                .chain(() -> quotas.forget(p));
    }

    /** Floating IPs, routers and ports: others' floating IPs let go first, then ours go, then the routers, then the ports. */
    private Uni<Void> routersAndPorts(Mutiny.Session s, String p, List<UUID> routers, List<UUID> ports) {
        Map<String, Object> both = Map.of("ids", Ids.sqlArray(ports), "routers", Ids.sqlArray(routers));
        Map<String, Object> withProject = new LinkedHashMap<>(both);
        withProject.put("p", p);
        return rows(s, DISASSOCIATE, withProject).flatMap(off -> publish("floatingip", "disassociated", off,
                        "id", "project_id", "floating_network_id", "floating_ip_address", "port_id", "fixed_ip_address",
                        "router_id", "status", "revision_number"))
                .chain(() -> deleted(s, "floatingip", FIPS, Map.of("p", p), "id", "project_id", "floating_network_id",
                        "floating_ip_address", "port_id", "fixed_ip_address", "router_id", "status", "revision_number"))
                .chain(() -> execute(s, "DELETE FROM router_interface WHERE router_id" + IN_ROUTERS + " OR port_id" + IN, both))
                .chain(() -> execute(s, "UPDATE router SET gw_network_id = NULL, gw_port_id = NULL WHERE id" + IN_ROUTERS
                        + " OR gw_port_id" + IN, both))
                .chain(() -> deleted(s, "router", "DELETE FROM router WHERE id" + IN_ROUTERS + " RETURNING id, project_id",
                        Map.of("routers", Ids.sqlArray(routers)), "id", "project_id"))
                // addresses and security group memberships go with the ports (ON DELETE CASCADE)
                .chain(() -> deleted(s, "port", "DELETE FROM port WHERE id" + IN + " RETURNING id, project_id, network_id, "
                                + "device_id, device_owner, mac_address, binding_host_id", Map.of("ids", Ids.sqlArray(ports)),
                        "id", "project_id", "network_id", "device_id", "device_owner", "mac_address", "binding:host_id"));
    }

    /** Others' references to our groups go, then the groups (their own rules with them, ON DELETE CASCADE). */
    private Uni<Void> securityGroups(Mutiny.Session s, String p) {
        return deleted(s, "security_group_rule", "DELETE FROM security_group_rule WHERE (remote_group_id IN " + GROUPS
                        + " OR project_id = :p) AND security_group_id NOT IN " + GROUPS + " RETURNING id, project_id, security_group_id",
                Map.of("p", p), "id", "project_id", "security_group_id")
                .chain(() -> execute(s, "DELETE FROM port_security_group WHERE security_group_id IN " + GROUPS, Map.of("p", p)))
                .chain(() -> deleted(s, "security_group", "DELETE FROM security_group WHERE project_id = :p RETURNING id, project_id",
                        Map.of("p", p), "id", "project_id"));
    }

    /** Logs the networks that stay because other projects still use them. */
    private static Uni<Void> kept(Mutiny.Session s, String p) {
        return rows(s, "SELECT id, project_id FROM network WHERE project_id = :p", Map.of("p", p)).invoke(left -> left.forEach(r ->
                LOG.infof("network %s of deleted project %s stays: other projects' ports are on it", r[0], p))).replaceWithVoid();
    }

    private static Uni<List<UUID>> ids(Mutiny.Session s, String sql, String p) {
        return rows(s, sql, Map.of("p", p)).map(rows -> rows.stream().map(r -> (UUID) r[0]).toList());
    }

    private static Uni<List<Object[]>> rows(Mutiny.Session s, String sql, Map<String, Object> params) {
        var q = s.createNativeQuery(sql, Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private static Uni<Void> execute(Mutiny.Session s, String sql, Map<String, Object> params) {
        var q = s.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.executeUpdate().replaceWithVoid();
    }

    /** Runs a DELETE ... RETURNING (id first) and publishes a deleted event per removed row, its columns named {@code keys}. */
    private Uni<Void> deleted(Mutiny.Session s, String kind, String sql, Map<String, Object> params, String... keys) {
        return rows(s, sql, params).flatMap(rows -> publish(kind, "deleted", rows, keys));
    }

    private Uni<Void> publish(String kind, String action, List<Object[]> rows, String... keys) {
        return Multi.createFrom().iterable(new ArrayList<>(rows))
                .onItem().transformToUniAndConcatenate(r -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        data.put(keys[i], r[i] instanceof UUID u ? u.toString() : r[i]);
                    }
                    return events.publish(kind, action, (UUID) r[0], data);
                })
                .collect().asList().replaceWithVoid();
    }
}
