package io.strato.network.secgroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import io.strato.network.tags.Tags;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of a security group create or update. No group but the project's own default may be
 * called {@code default} (in any case): Neutron answers SecurityGroupDefaultAlreadyExists.
 */
record GroupRequest(Optional<String> name, Optional<String> description, Optional<Boolean> stateful,
                    Optional<List<String>> tags, String projectId) {
    private static final Set<String> CREATE = Set.of("name", "description", "stateful", "project_id", "tenant_id", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "stateful");
    static final String DEFAULT_NAME = "default";

    static GroupRequest create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATE);
        return new GroupRequest(name(a), a.string("description", 255), a.bool("stateful"),
                a.has("tags") ? Optional.of(Tags.list(a.raw("tags"))) : Optional.empty(), RuleRequest.projectId(a));
    }

    static GroupRequest update(JsonNode body) {
        Attributes a = Attributes.of(body, UPDATE);
        return new GroupRequest(name(a), a.string("description", 255), a.bool("stateful"), Optional.empty(), null);
    }

    private static Optional<String> name(Attributes a) {
        Optional<String> name = a.string("name", 255);
        if (name.isPresent() && DEFAULT_NAME.equalsIgnoreCase(name.get())) {
            throw Neutron.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        return name;
    }
}
