package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.protocol.Commands;
import io.strato.kit.data.columns.JsonListColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Type;
import org.hibernate.type.SqlTypes;

/**
 * A server (Nova's instance). Its saga state lives here too: {@code taskState} says which step runs,
 * {@code commandId} which agent command it waits for, {@code attempts}/{@code triedHosts} the reschedules,
 * {@code deadline} when the current task has taken too long. Every change happens under a row lock.
 */
@Entity
@Table(name = "server")
public class Server {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    public String name;
    public String description;
    @Column(name = "image_id")
    public UUID imageId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_meta")
    public Commands.Image imageMeta;
    @Column(name = "flavor_id")
    public String flavorId;
    /** The flavor the server has (during a resize the old one until the agent resized it). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Commands.Flavor flavor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_flavor")
    public Commands.Flavor oldFlavor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_flavor")
    public Commands.Flavor newFlavor;
    @Column(name = "key_name")
    public String keyName;
    @Column(name = "key_data")
    public String keyData;
    @Column(name = "user_data")
    public String userData;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata = new HashMap<>();
    @Column(name = "requested_az")
    public String requestedAz;
    /** The host a 2.74 create asked for (scheduled with the filters, unlike zone:host); null otherwise. */
    @Column(name = "requested_host")
    public String requestedHost;
    /** The interfaces to give the server, resolved at create ("auto" became the one network). */
    @Type(ServerColumns.RequestedNetworks.class)
    @Column(name = "requested_networks")
    public List<RequestedNetwork> requestedNetworks = new ArrayList<>();
    @Type(ServerColumns.SecurityGroups.class)
    @Column(name = "security_groups")
    public List<SecurityGroup> securityGroups = new ArrayList<>();
    @Column(name = "server_group_id")
    public UUID serverGroupId;
    public String host;
    @Column(name = "availability_zone")
    public String availabilityZone;
    @Column(name = "vm_state")
    public String vmState;
    @Column(name = "task_state")
    public String taskState;
    @Column(name = "power_state")
    public int powerState;
    public int attempts;
    @Type(JsonListColumn.Strings.class)
    @Column(name = "tried_hosts")
    public List<String> triedHosts = new ArrayList<>();
    public Instant deadline;
    @JdbcTypeCode(SqlTypes.JSON)
    public Fault fault;
    public boolean locked;
    /** {@code owner} or {@code admin} while locked (Nova's locked_by); null when not locked. */
    @Column(name = "locked_by")
    public String lockedBy;
    /** The reason a 2.73 lock gave; null otherwise. */
    @Column(name = "locked_reason")
    public String lockedReason;
    @Column(name = "access_ipv4")
    public String accessIpv4;
    @Column(name = "access_ipv6")
    public String accessIpv6;
    @Column(name = "launched_at")
    public Instant launchedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "command_id")
    public UUID commandId;
    /** The image a createImage in progress uploads to (its task is image_snapshot_pending); null otherwise. */
    @Column(name = "snapshot_image_id")
    public UUID snapshotImageId;
    /**
     * Nova's instance system metadata, as far as a snapshot's image inherits it ({@link SnapshotImages}); null for
     * servers made before it was kept.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "system_metadata")
    public Map<String, String> systemMetadata;
    @Column(name = "pending_cleanup")
    public boolean pendingCleanup;
    @Column(name = "retry_at")
    public Instant retryAt;
    @Column(name = "disk_config")
    public String diskConfig = "MANUAL";
    @Column(name = "config_drive")
    public String configDrive = "";
    @Column(name = "reservation_id")
    public String reservationId;
    @Column(name = "launch_index")
    public int launchIndex;
    public int progress;
    @Version
    public long version;

    /** One interface asked for at create: a network (optionally with a fixed IP), or a user's existing port. */
    public record RequestedNetwork(@JsonProperty("uuid") UUID networkId, @JsonProperty("port") UUID portId,
                                   @JsonProperty("fixed_ip") String fixedIp) {
    }

    /** A security group the server's ports get; {@code id} is null for the implicit default group. */
    public record SecurityGroup(@JsonProperty("name") String name, @JsonProperty("id") UUID id) {
    }

    /** Nova's instance fault, shown on ERROR. */
    public record Fault(@JsonProperty("code") int code, @JsonProperty("message") String message,
                        @JsonProperty("details") String details, @JsonProperty("created") String created) {
    }

    /** Nova's hostname: set at create, changed by a 2.90 update or rebuild; null for servers made before it was kept. */
    public String hostname;

    /** The guest's host name: the one kept, else the name made DNS-safe as before. */
    public String hostname() {
        return hostname != null ? hostname : hostname(name, id);
    }

    /** The guest's host name: the server name made DNS-safe, as Nova's {@code hostname} is. */
    public static String hostname(String name, UUID id) {
        String h = name == null ? "" : name.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("-+$", "");
        }
        return h.isEmpty() ? "server-" + id : h;
    }

    public boolean isBuilding() {
        return VmStates.BUILDING.equals(vmState);
    }
}
