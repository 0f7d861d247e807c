package io.strato.network.floatingips;

import io.strato.kit.data.columns.JsonListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Type;

/**
 * A floating IP: an address of an external network, held by a port there ({@code network:floatingip}),
 * that a router translates to a fixed address of a port behind it once associated.
 */
@Entity
@Table(name = "floating_ip")
public class FloatingIp {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "floating_network_id")
    public UUID floatingNetworkId;
    @Column(name = "floating_ip_address")
    public String floatingIpAddress;
    /** The port on the external network that holds the floating address. */
    @Column(name = "floating_port_id")
    public UUID floatingPortId;
    /** The associated (internal) port, or null. */
    @Column(name = "port_id")
    public UUID portId;
    @Column(name = "fixed_ip_address")
    public String fixedIpAddress;
    /** The router whose gateway does the NAT while associated. */
    @Column(name = "router_id")
    public UUID routerId;
    public String status = "DOWN";
    public String description = "";
    @Column(name = "dns_name")
    public String dnsName = "";
    @Column(name = "dns_domain")
    public String dnsDomain = "";
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;

    public boolean associated() {
        return portId != null;
    }
}
