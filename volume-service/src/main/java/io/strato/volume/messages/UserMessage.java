package io.strato.volume.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Cinder user message: an error of an accepted request, told to the project that made it. */
@Entity
@Table(name = "user_message")
public class UserMessage {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_uuid")
    public UUID resourceUuid;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "message_level")
    public String messageLevel;
    @Column(name = "user_message")
    public String userMessage;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
