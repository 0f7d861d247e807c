package io.strato.network.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.kit.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * When identity deletes a project, its networking goes too, in dependency order and in one transaction
 * (the kit's, which also records the event so it runs once): floating IPs, routers and their ports, ports,
 * subnets and addresses, networks, security groups, quota overrides. Other projects' references to what
 * is removed (their floating IPs on our ports, their router gateways on our networks) are cleared rather
 * than left dangling. A deleted event per removed network, port, router, floating IP and security group
 * tells the agents to tear their data plane down.
 */
@ApplicationScoped
public class ProjectDeletedHandler implements EventHandler {
    static final String PROJECT_DELETED = "strato.identity.project.deleted.v1";
    private static final Logger LOG = Logger.getLogger(ProjectDeletedHandler.class);

    private static final String NETS = "(SELECT id FROM network WHERE project_id = :p)";
    private static final String SUBNETS = "(SELECT id FROM subnet WHERE project_id = :p OR network_id IN " + NETS + ")";
    private static final String PORTS = "(SELECT id FROM port WHERE project_id = :p OR network_id IN " + NETS + ")";
    private static final String ROUTERS = "(SELECT id FROM router WHERE project_id = :p)";
    private static final String GROUPS = "(SELECT id FROM security_group WHERE project_id = :p)";

    private final NetworkEvents events;

    public ProjectDeletedHandler(NetworkEvents events) {
        this.events = events;
    }

    @Override
    public String topic() {
        return "strato.identity";
    }

    @Override
    public boolean accepts(String type) {
        return PROJECT_DELETED.equals(type);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        String project = event.data() != null && event.data().hasNonNull("id")
                ? event.data().get("id").asText() : event.subject();
        if (project == null || project.isBlank()) {
            LOG.warnf("project-deleted event %s names no project; ignored", event.id());
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> purge(s, project))
                .invoke(() -> LOG.infof("removed the networking of deleted project %s", project));
    }

    private Uni<Void> purge(Mutiny.Session s, String p) {
        return update(s, p, "UPDATE floating_ip SET port_id = NULL, fixed_ip_address = NULL, router_id = NULL, status = 'DOWN' "
                + "WHERE project_id <> :p AND (port_id IN " + PORTS + " OR router_id IN " + ROUTERS + ")")
                .chain(() -> deleted(s, p, "floatingip", "DELETE FROM floating_ip WHERE project_id = :p "
                        + "OR floating_network_id IN " + NETS + " RETURNING id"))
                .chain(() -> update(s, p, "DELETE FROM router_interface WHERE router_id IN " + ROUTERS
                        + " OR subnet_id IN " + SUBNETS + " OR port_id IN " + PORTS))
                .chain(() -> update(s, p, "UPDATE router SET gw_network_id = NULL, gw_port_id = NULL "
                        + "WHERE project_id = :p OR gw_network_id IN " + NETS))
                .chain(() -> deleted(s, p, "router", "DELETE FROM router WHERE project_id = :p RETURNING id"))
                .chain(() -> deleted(s, p, "port", "DELETE FROM port WHERE project_id = :p OR network_id IN " + NETS
                        + " RETURNING id"))
                .chain(() -> update(s, p, "DELETE FROM ip_allocation WHERE subnet_id IN " + SUBNETS))
                .chain(() -> update(s, p, "DELETE FROM subnet WHERE project_id = :p OR network_id IN " + NETS))
                .chain(() -> deleted(s, p, "network", "DELETE FROM network WHERE project_id = :p RETURNING id"))
                .chain(() -> update(s, p, "DELETE FROM security_group_rule WHERE remote_group_id IN " + GROUPS))
                .chain(() -> update(s, p, "DELETE FROM port_security_group WHERE security_group_id IN " + GROUPS))
                .chain(() -> deleted(s, p, "security_group", "DELETE FROM security_group WHERE project_id = :p RETURNING id"))
                .chain(() -> update(s, p, "DELETE FROM quota WHERE project_id = :p"))
                .chain(() -> update(s, p, "DELETE FROM quota_lock WHERE project_id = :p"));
    }

    private static Uni<Void> update(Mutiny.Session s, String p, String sql) {
        return s.createNativeQuery(sql).setParameter("p", p).executeUpdate().replaceWithVoid();
    }

    /** Runs a DELETE ... RETURNING id and publishes a deleted event per removed row. */
    private Uni<Void> deleted(Mutiny.Session s, String p, String kind, String sql) {
        return s.createNativeQuery(sql, UUID.class).setParameter("p", p).getResultList()
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> events.publish(kind, "deleted", id,
                                Map.of("id", id.toString(), "project_id", p)))
                        .collect().asList())
                .replaceWithVoid();
    }
}
