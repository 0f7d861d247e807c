package io.strato.network.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** The body of an agent update, read and checked as Neutron's API layer does. */
final class AgentRequest {
    private static final Set<String> UPDATE = Set.of("admin_state_up", "description");
    /** The agent's attributes Neutron shows but refuses to take in a PUT ({@code allow_put: False}). */
    private static final Set<String> READ_ONLY = Set.of("id", "agent_type", "binary", "topic", "host", "alive",
            "availability_zone", "heartbeat_timestamp", "started_at", "created_at", "configurations",
            "resources_synced", "resource_versions", "load");

    private AgentRequest() {
    }

    /**
     * @param descriptionGiven whether the body names {@code description} (null then clears it)
     */
    record Update(Optional<Boolean> adminStateUp, boolean descriptionGiven, String description) {
    }

    static Update update(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (READ_ONLY.contains(name)) {
                throw Neutron.badRequest("HTTPBadRequest", "Cannot update read-only attribute " + name);
            }
        }
        Attributes a = Attributes.of(body, UPDATE);
        return new Update(a.bool("admin_state_up"), a.has("description"), a.string("description", 255).orElse(null));
    }
}
