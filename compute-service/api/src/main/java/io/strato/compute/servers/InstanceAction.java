package io.strato.compute.servers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One user action on a server (create, stop, resize...), named by the request that asked for it. */
@Entity
@Table(name = "instance_action")
public class InstanceAction {
    @Id
    public UUID id;
    @Column(name = "server_id")
    public UUID serverId;
    @Column(name = "request_id")
    public String requestId;
    public String action;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "start_time")
    public Instant startTime;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** "Error" once one of its events failed, as Nova marks it. */
    public String message;
}
