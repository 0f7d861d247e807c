package io.strato.kit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.events.BroadcastListener;
import io.strato.kit.events.StratoEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Every instance of every service replays the revocation topic from its start and keeps listening,
 * so a token revoked anywhere is refused here as soon as the event arrives.
 */
@ApplicationScoped
public class RevocationListener implements BroadcastListener {
    public static final String TOPIC = "strato.revocations";
    public static final String TYPE = "strato.identity.token.revoked.v1";

    @Inject
    RevocationList revocations;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void onEvent(StratoEvent event) {
        if (TYPE.equals(event.type()) && event.data() != null) {
            revocations.add(fromJson(event.data()));
        }
    }

    static Revocation fromJson(JsonNode d) {
        return new Revocation(text(d, "audit_id"), text(d, "user_id"), text(d, "project_id"), text(d, "domain_id"),
                text(d, "application_credential_id"), Instant.parse(d.get("issued_before").asText()),
                d.hasNonNull("expires_at") ? Instant.parse(d.get("expires_at").asText()) : null);
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
