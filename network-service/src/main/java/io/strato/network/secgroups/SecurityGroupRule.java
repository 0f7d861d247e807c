package io.strato.network.secgroups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A rule of a security group: traffic in one direction and ethertype, for a protocol (null: any) and
 * port range (ICMP: type and code), from or to a CIDR or the members of a remote group.
 */
@Entity
@Table(name = "security_group_rule")
public class SecurityGroupRule {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "security_group_id")
    public UUID securityGroupId;
    public String direction;
    public String ethertype;
    public String protocol;
    @Column(name = "port_range_min")
    public Integer portRangeMin;
    @Column(name = "port_range_max")
    public Integer portRangeMax;
    @Column(name = "remote_ip_prefix")
    public String remoteIpPrefix;
    @Column(name = "remote_group_id")
    public UUID remoteGroupId;
    public String description = "";
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;
}
