package io.strato.network.routers;

import io.strato.kit.data.columns.JsonListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Type;

/**
 * A Neutron router. Its interfaces are rows of {@code router_interface} (each a port on one subnet);
 * its external gateway is a port on an external network ({@code gwPortId}), which holds the router's
 * public address and, with {@code enableSnat}, the source NAT of the networks behind it.
 */
@Entity
@Table(name = "router")
public class Router {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    public String name = "";
    public String description = "";
    @Column(name = "admin_state_up")
    public boolean adminStateUp = true;
    public String status = "ACTIVE";
    @Column(name = "gw_network_id")
    public UUID gwNetworkId;
    @Column(name = "gw_port_id")
    public UUID gwPortId;
    @Column(name = "enable_snat")
    public boolean enableSnat = true;
    /** Static routes: {@code [{"destination": "10.1.0.0/16", "nexthop": "10.0.0.5"}]}. */
    @Type(JsonListColumn.StringMaps.class)
    public List<Map<String, String>> routes = new ArrayList<>();
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;
    /**
     * The host whose network agent hosts the router (its {@code qrouter-<id>} namespace), or null while no agent does.
     * Not part of the router's JSON: the agents learn it from the router ports' {@code binding:host_id}.
     */
    public String host;
    /**
     * False once an admin removed the router from its agent: the heartbeats' sweep of unscheduled routers leaves it
     * alone until an admin adds it to an agent or it gains a port (Neutron: "non-hosted until there is an update which
     * leads to re-schedule").
     */
    @Column(name = "auto_schedule")
    public boolean autoSchedule = true;
}
