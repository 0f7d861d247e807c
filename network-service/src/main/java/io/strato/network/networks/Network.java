package io.strato.network.networks;

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

/** A Neutron network: an L2 segment (vxlan VNI, vlan or flat physical network) that subnets and ports live on. */
@Entity
@Table(name = "network")
public class Network {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    public String name = "";
    public String description = "";
    @Column(name = "admin_state_up")
    public boolean adminStateUp = true;
    public boolean shared;
    /** {@code router:external}: floating IPs and router gateways come from it. */
    @Column(name = "router_external")
    public boolean routerExternal;
    public int mtu;
    @Column(name = "port_security_enabled")
    public boolean portSecurityEnabled = true;
    @Column(name = "network_type")
    public String networkType;
    @Column(name = "physical_network")
    public String physicalNetwork;
    @Column(name = "segmentation_id")
    public Integer segmentationId;
    public String status = "ACTIVE";
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;

    /** Whether a caller of {@code projectId} (not an admin) may see it: their own, shared or external. */
    public boolean visibleTo(String projectId) {
        return shared || routerExternal || this.projectId.equals(projectId);
    }

    /** Records a change: Neutron bumps revision_number and updated_at on every write. */
    public void touched(Instant now) {
        updatedAt = now;
        revisionNumber++;
    }
}
