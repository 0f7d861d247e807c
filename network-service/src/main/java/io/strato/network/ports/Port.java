package io.strato.network.ports;

import io.strato.kit.data.columns.JsonListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Type;
import org.hibernate.type.SqlTypes;

/**
 * A Neutron port: a virtual NIC on a network with a MAC, fixed IPs (rows of {@code ip_allocation}),
 * security groups (rows of {@code port_security_group}) and a binding to a host.
 */
@Entity
@Table(name = "port")
public class Port {
    /** Owners whose ports belong to another feature and cannot be deleted through the port API. */
    public static final List<String> PROTECTED_OWNERS = List.of("network:router_interface", "network:router_gateway",
            "network:floatingip");
    /** The owners of a router's own ports (device_id the router): bound to the host of the router's agent. */
    public static final List<String> ROUTER_OWNERS = List.of("network:router_interface", "network:router_gateway");

    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "network_id")
    public UUID networkId;
    public String name = "";
    public String description = "";
    @Column(name = "admin_state_up")
    public boolean adminStateUp = true;
    @Column(name = "mac_address")
    public String macAddress;
    @Column(name = "device_id")
    public String deviceId = "";
    @Column(name = "device_owner")
    public String deviceOwner = "";
    public String status = "DOWN";
    @Column(name = "port_security_enabled")
    public boolean portSecurityEnabled = true;
    @Column(name = "binding_host_id")
    public String bindingHostId = "";
    @Column(name = "binding_vnic_type")
    public String bindingVnicType = "normal";
    @Column(name = "binding_vif_type")
    public String bindingVifType = "unbound";
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "binding_profile")
    public Map<String, Object> bindingProfile = new HashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "binding_vif_details")
    public Map<String, Object> bindingVifDetails = new HashMap<>();
    /** {@code [{"ip_address": "10.0.0.7" or a CIDR, "mac_address": "fa:16:3e:..."}]} */
    @Type(JsonListColumn.StringMaps.class)
    @Column(name = "allowed_address_pairs")
    public List<Map<String, String>> allowedAddressPairs = new ArrayList<>();
    /** {@code [{"opt_name": ..., "opt_value": ..., "ip_version": 4}]}, extension {@code extra_dhcp_opt} */
    @Type(ExtraDhcpOpt.Column.class)
    @Column(name = "extra_dhcp_opts")
    public List<ExtraDhcpOpt> extraDhcpOpts = new ArrayList<>();
    @Column(name = "dns_name")
    public String dnsName = "";
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;

    /** Whether the port belongs to a router or a floating IP (deleted through those APIs, not the port API). */
    public boolean ownedByAnotherFeature() {
        return deviceOwner != null && PROTECTED_OWNERS.stream().anyMatch(deviceOwner::startsWith);
    }

    /** A router's interface or gateway port: an agent makes it on the router's host, as a VM's port on the VM's. */
    public boolean routerPort() {
        return deviceOwner != null && deviceOwner.startsWith("network:router_");
    }

    /** A floating IP's port on its external network: it only holds the address; no host ever binds it (status N/A). */
    public boolean floatingIpPort() {
        return deviceOwner != null && deviceOwner.startsWith("network:floatingip");
    }

    /** Sets the allowed address pairs; a pair without a MAC takes the port's, as Neutron stores them. */
    public void allowAddressPairs(List<Map<String, String>> pairs) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> pair : pairs) {
            Map<String, String> m = new LinkedHashMap<>(pair);
            m.putIfAbsent("mac_address", macAddress);
            out.add(m);
        }
        allowedAddressPairs = out;
    }

    public void touched(Instant now) {
        updatedAt = now;
        revisionNumber++;
    }
}
