package io.strato.network.subnets;

import io.strato.kit.data.columns.JsonListColumn;
import io.strato.network.ipam.AddressSpace;
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

/** A Neutron subnet: a CIDR on a network, its gateway and the allocation pools IPAM hands addresses from. */
@Entity
@Table(name = "subnet")
public class Subnet {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "network_id")
    public UUID networkId;
    public String name = "";
    public String description = "";
    @Column(name = "ip_version")
    public int ipVersion;
    /** Normalised (no host bits), e.g. {@code 10.0.1.0/24}, {@code 2001:db8::/64}. */
    public String cidr;
    /** Null when the subnet has no gateway. */
    @Column(name = "gateway_ip")
    public String gatewayIp;
    @Column(name = "enable_dhcp")
    public boolean enableDhcp = true;
    /** {@code [{"start": "10.0.1.2", "end": "10.0.1.254"}]}, in the order IPAM walks them. */
    @Type(JsonListColumn.StringMaps.class)
    @Column(name = "allocation_pools")
    public List<Map<String, String>> allocationPools = new ArrayList<>();
    /** {@code [{"destination": "...", "nexthop": "..."}]} */
    @Type(JsonListColumn.StringMaps.class)
    @Column(name = "host_routes")
    public List<Map<String, String>> hostRoutes = new ArrayList<>();
    @Type(JsonListColumn.Strings.class)
    @Column(name = "dns_nameservers")
    public List<String> dnsNameservers = new ArrayList<>();
    @Column(name = "ipv6_ra_mode")
    public String ipv6RaMode;
    @Column(name = "ipv6_address_mode")
    public String ipv6AddressMode;
    /** The subnet pool its CIDR was allocated from, or null. */
    @Column(name = "subnetpool_id")
    public UUID subnetpoolId;
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;

    /** SLAAC and DHCPv6-stateless subnets give each port an address derived from its MAC (EUI-64), not from the pools. */
    public boolean autoAddressed() {
        return ipVersion == 6 && ("slaac".equals(ipv6AddressMode) || "dhcpv6-stateless".equals(ipv6AddressMode));
    }

    /** What IPAM needs of this subnet. */
    public AddressSpace space() {
        return new AddressSpace(id, ipVersion, cidr, allocationPools, autoAddressed());
    }

    public void touched(Instant now) {
        updatedAt = now;
        revisionNumber++;
    }
}
