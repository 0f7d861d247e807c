package io.strato.network.agents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A host's network agent as its heartbeats registered it ({@link AgentRegistry}). Only {@code admin_state_up} and
 * {@code description} are written through this entity; every other column is the heartbeat's, and is neither
 * inserted nor updated from here, so that an admin's update never writes back a heartbeat it read before a newer
 * one committed.
 */
@Entity
@Table(name = "network_agent")
public class NetworkAgent {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public String host;
    @Column(name = "tunnel_ip", insertable = false, updatable = false)
    public String tunnelIp;
    /** How many ports the agent said it programs, in its last heartbeat. */
    @Column(insertable = false, updatable = false)
    public int devices;
    @Column(name = "last_heartbeat", insertable = false, updatable = false)
    public Instant lastHeartbeat;
    /** The first heartbeat after a silence longer than the down time (or the first ever). */
    @Column(name = "started_at", insertable = false, updatable = false)
    public Instant startedAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "admin_state_up")
    public boolean adminStateUp = true;
    public String description;
}
