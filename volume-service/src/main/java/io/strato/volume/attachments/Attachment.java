package io.strato.volume.attachments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A Cinder volume attachment: the volume {@code volumeId} reserved for ({@code reserved}), being connected to
 * ({@code attaching}, with the connector and the connection info handed out) or attached to
 * ({@code attached}) server {@code instanceUuid}. A detached attachment is deleted, as Cinder does.
 */
@Entity
@Table(name = "volume_attachment")
public class Attachment {
    @Id
    public UUID id;
    @Column(name = "volume_id")
    public UUID volumeId;
    /** The volume's project (the path project of every call about this attachment). */
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "instance_uuid")
    public UUID instanceUuid;
    @Column(name = "attach_status")
    public String status;
    @Column(name = "attach_mode")
    public String mode = "rw";
    /** The connector's host (the hypervisor), shown to admins as the volume attachment's host_name. */
    @Column(name = "attached_host")
    public String attachedHost;
    /** The device the server sees the volume as, e.g. /dev/vdb. */
    public String mountpoint;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> connector;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "connection_info")
    public Map<String, Object> connectionInfo;
    @Column(name = "attach_time")
    public Instant attachTime;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When the attachment last changed status: the deadline sweep measures from here. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
