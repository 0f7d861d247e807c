package io.strato.network.subnetpools;

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

/** A Neutron subnet pool: the prefixes subnets are allocated from, and the bounds on their prefix lengths. */
@Entity
@Table(name = "subnetpool")
public class SubnetPool {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    public String name = "";
    public String description = "";
    @Column(name = "ip_version")
    public int ipVersion;
    /** Compacted and in address order, e.g. {@code ["10.10.0.0/16", "10.12.0.0/15"]}. */
    @Type(JsonListColumn.Strings.class)
    public List<String> prefixes = new ArrayList<>();
    @Column(name = "default_prefixlen")
    public int defaultPrefixlen;
    @Column(name = "min_prefixlen")
    public int minPrefixlen;
    @Column(name = "max_prefixlen")
    public int maxPrefixlen;
    /** Per project, in /32s (IPv4) or /64s (IPv6); null: unlimited. */
    @Column(name = "default_quota")
    public Integer defaultQuota;
    public boolean shared;
    @Column(name = "is_default")
    public boolean isDefault;
    @Type(JsonListColumn.Strings.class)
    public List<String> tags = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "revision_number")
    public int revisionNumber;

    /** The pool's numbers as {@link PoolPrefixes} checks and allocates them. */
    PoolPrefixes layout() {
        return new PoolPrefixes(ipVersion, prefixes, defaultPrefixlen, minPrefixlen, maxPrefixlen, defaultQuota);
    }

    void apply(PoolPrefixes p) {
        ipVersion = p.ipVersion();
        prefixes = new ArrayList<>(p.prefixes());
        defaultPrefixlen = p.defaultPrefixlen();
        minPrefixlen = p.minPrefixlen();
        maxPrefixlen = p.maxPrefixlen();
        defaultQuota = p.defaultQuota();
    }

    void touched(Instant now) {
        updatedAt = now;
        revisionNumber++;
    }
}
