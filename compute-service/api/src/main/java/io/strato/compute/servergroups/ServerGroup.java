package io.strato.compute.servergroups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Nova server group: servers placed together (affinity) or apart (anti-affinity), strictly or softly. */
@Entity
@Table(name = "server_group")
public class ServerGroup {
    public static final String MAX_SERVER_PER_HOST = "max_server_per_host";

    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    public String name;
    /** affinity, anti-affinity, soft-affinity or soft-anti-affinity. */
    public String policy;
    /** {@code {"max_server_per_host": n}} for anti-affinity (2.64), else empty. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> rules = new HashMap<>();
    @Column(name = "created_at")
    public Instant createdAt;

    /** The anti-affinity rule's limit, or null when the group has none. */
    public Integer maxServerPerHost() {
        Object v = rules == null ? null : rules.get(MAX_SERVER_PER_HOST);
        return v instanceof Number n ? n.intValue() : v instanceof String s && s.matches("\\d+") ? Integer.valueOf(s) : null;
    }
}
