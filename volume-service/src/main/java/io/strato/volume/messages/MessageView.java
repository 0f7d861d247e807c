package io.strato.volume.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.api.Link;
import java.util.List;

/** A user message in Cinder's JSON. */
public record MessageView(
        String id,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("user_message") String userMessage,
        @JsonProperty("message_level") String messageLevel,
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("resource_uuid") String resourceUuid,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("guaranteed_until") String guaranteedUntil,
        @JsonProperty("request_id") String requestId,
        List<Link> links) {

    /** {@code {"message": {...}}}. */
    public record One(MessageView message) {
    }

    /** {@code {"messages": [...]}}. */
    public record Many(List<MessageView> messages) {
    }

    static MessageView of(UserMessage m, String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "");
        return new MessageView(m.id.toString(), m.eventId, m.userMessage, m.messageLevel, m.resourceType,
                m.resourceUuid == null ? null : m.resourceUuid.toString(), m.createdAt.toString(), m.expiresAt.toString(),
                m.requestId, List.of(new Link("self", base + "/v3/" + m.projectId + "/messages/" + m.id),
                        new Link("bookmark", base + "/" + m.projectId + "/messages/" + m.id)));
    }
}
