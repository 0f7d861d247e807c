package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.Microversion;
import io.strato.compute.hosts.HostLiveness;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Server reads: one visible server, a page of servers with what their views show (ports, hosts, volumes). */
@ApplicationScoped
public class ServerQueries {
    private final ServerRepository servers;
    private final Policy policy;
    private final AttachedVolumes attachments;
    private final HostLiveness liveness;

    ServerQueries(ServerRepository servers, Policy policy, AttachedVolumes attachments, HostLiveness liveness) {
        this.servers = servers;
        this.policy = policy;
        this.attachments = attachments;
        this.liveness = liveness;
    }

    /** A page of servers, with their ports, (for admins) their hosts' node names and states, and attached volumes. */
    public record Page(List<Server> servers, Map<UUID, List<ServerPort>> ports, Map<String, Node> nodes,
                       Map<UUID, List<UUID>> volumes, Map<UUID, List<String>> tags) {
    }

    /**
     * A server's host as admins see it: its hypervisor host name and Nova's host_status (2.16) of its nova-compute:
     * DOWN when forced down, MAINTENANCE when disabled, UP when its heartbeats are fresh, else UNKNOWN.
     */
    public record Node(String hypervisorHostname, String status) {
    }

    /** The server if the caller's project owns it (admins see all); Nova's 404 otherwise (needs a session). */
    public Uni<Server> visible(Caller caller, UUID id, boolean lock) {
        Uni<Server> found = lock ? servers.lock(id) : servers.findById(id);
        return found.map(s -> {
            if (s == null || !(NovaBaseRules.isAdmin(policy, caller) || s.projectId.equals(caller.projectId()))) {
                throw notFound(id.toString());
            }
            return s;
        });
    }

    public static NotFound notFound(String id) {
        return new NotFound("Instance " + id + " could not be found.");
    }

    public Uni<Page> show(Caller caller, UUID id, boolean admin) {
        return Panache.withSession(() -> visible(caller, id, false).chain(s -> {
            policy.enforce(ServerPolicies.SHOW, caller, ServerPolicies.target(s));
            return page(admin, s);
        }));
    }

    /** The ports of a server the caller may see, after {@code rule} (os-ips' index or show) allows it. */
    public Uni<List<ServerPort>> ports(Caller caller, UUID id, String rule) {
        return Panache.withSession(() -> visible(caller, id, false).chain(s -> {
            policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null));
            return servers.ports(s.id);
        }));
    }

    /** A server the caller sees and {@code rule} allows them ({@code target} its project and user), in a session of its own. */
    public Uni<Server> authorized(Caller caller, UUID id, String rule) {
        return Panache.withSession(() -> visible(caller, id, false).invoke(s ->
                policy.enforce(rule, caller, ServerPolicies.target(s))));
    }

    /** The page of one server, read in the caller's session (as an update answers). */
    Uni<Page> page(boolean admin, Server s) {
        return servers.ports(s.id).chain(ports -> page(admin, List.of(s), Map.of(s.id, ports)));
    }

    public Uni<Page> list(Caller caller, Map<String, List<String>> query, int limit, String marker, boolean allTenants,
                          boolean admin, boolean detail, Microversion version) {
        ServerQuery q = ServerQuery.of(query, caller, allTenants, admin, version);
        if (q.isEmpty() || limit == 0) {
            return Uni.createFrom().item(new Page(List.of(), Map.of(), Map.of(), Map.of(), Map.of()));
        }
        UUID markerId = marker == null ? null : markerId(marker);
        return Panache.withSession(() -> checkMarker(q, markerId).chain(() -> Panache.getSession().chain(s -> {
            var nq = s.createNativeQuery(q.sql(markerId != null), Server.class);
            q.params().forEach(nq::setParameter);
            if (markerId != null) {
                nq.setParameter("marker", markerId);
            }
            return nq.setParameter("limit", limit).getResultList();
        })).chain(list -> !detail ? Uni.createFrom().item(new Page(list, Map.of(), Map.of(), Map.of(), Map.of()))
                : servers.ports(list.stream().map(x -> x.id).toList()).chain(ports -> page(admin, list, ports)))
                .onFailure(e -> "2201B".equals(sqlState(e)))
                .transform(e -> new InvalidInput("Invalid filter: not a valid regular expression.")));
    }

    /** The page of these servers with their ports, (for admins) host names and attached volumes. */
    private Uni<Page> page(boolean admin, List<Server> list, Map<UUID, List<ServerPort>> ports) {
        List<UUID> ids = list.stream().map(x -> x.id).toList();
        return nodes(list).chain(nodes -> attachments.volumeIds(ids)
                .chain(volumes -> servers.tags(ids).map(tags -> new Page(list, ports, nodes, volumes, tags))));
    }

    private Uni<Void> checkMarker(ServerQuery q, UUID markerId) {
        if (markerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> {
            var nq = s.createNativeQuery(q.markerCheck(), Long.class).setParameter("marker", markerId);
            q.markerCheckParams().forEach(nq::setParameter);
            return nq.getSingleResult();
        }).invoke(n -> {
            if (n == 0) {
                throw new InvalidInput("marker [" + markerId + "] not found");
            }
        }).replaceWithVoid();
    }

    private static UUID markerId(String marker) {
        return Ids.parse(marker).orElseThrow(() -> new InvalidInput("marker [" + marker + "] not found"));
    }

    /** The node names and states of the servers' hosts (the views show them to whom the rules allow). */
    private Uni<Map<String, Node>> nodes(List<Server> list) {
        List<String> hostNames = list.stream().map(s -> s.host).filter(h -> h != null).distinct().toList();
        if (hostNames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select host, hypervisor_hostname, case when h.forced_down then 'DOWN' when not h.enabled then "
                                + "'MAINTENANCE' when " + liveness.upSql("h") + " then 'UP' else 'UNKNOWN' end"
                                + " from compute_host h where host in (:hosts)", Object[].class)
                .setParameter("hosts", hostNames).getResultList())
                .map(rows -> {
                    Map<String, Node> m = new HashMap<>();
                    rows.forEach(r -> m.put((String) r[0], new Node((String) r[1], (String) r[2])));
                    return m;
                });
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg) {
                return pg.getSqlState();
            }
        }
        return null;
    }
}
