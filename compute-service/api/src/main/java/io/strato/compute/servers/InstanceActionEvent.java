package io.strato.compute.servers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A step of an action. An event that waits for an agent has the id of the agent command, so the
 * command's result finishes it.
 */
@Entity
@Table(name = "instance_action_event")
public class InstanceActionEvent {
    @Id
    public UUID id;
    @Column(name = "action_id")
    public UUID actionId;
    public String event;
    @Column(name = "start_time")
    public Instant startTime;
    @Column(name = "finish_time")
    public Instant finishTime;
    /** Success or Error; null while running. */
    public String result;
    public String host;
    public String details;
}
