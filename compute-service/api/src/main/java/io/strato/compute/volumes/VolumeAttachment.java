package io.strato.compute.volumes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A volume attached (or being attached or detached) to a server: a row of {@code server_volume_attachment}. */
@Entity
@Table(name = "server_volume_attachment")
public class VolumeAttachment {
    public static final String ATTACHING = "attaching";
    public static final String ATTACHED = "attached";
    public static final String DETACHING = "detaching";
    /** The agent's answers, kept while volume-service could not be told yet. */
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    @Id
    @Column(name = "volume_id")
    public UUID volumeId;
    @Column(name = "server_id")
    public UUID serverId;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "attachment_id")
    public UUID attachmentId;
    /** Without {@code /dev/}: {@code vdb}. */
    public String device;
    public String status;
    @Column(name = "command_id")
    public UUID commandId;
    public Instant deadline;
    @Column(name = "agent_result")
    public String agentResult;
    /** Whether the volume is deleted with its server (2.79, changed by 2.85's update). */
    @Column(name = "delete_on_termination")
    public boolean deleteOnTermination;
    /** The id Nova's block device mapping would have (2.89 {@code bdm_uuid}). */
    @Column(name = "bdm_uuid")
    public UUID bdmUuid = UUID.randomUUID();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public String mountpoint() {
        return "/dev/" + device;
    }
}
