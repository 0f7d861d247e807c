package io.strato.identity.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;

/** Keystone's JSON for a group. */
public record GroupView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
                        Map<String, String> links) {

    public static GroupView of(Group g, Links links) {
        return new GroupView(g.id, g.name, g.domainId, g.description, links.self("groups/" + g.id));
    }

    public record One(GroupView group) {
    }

    public record Many(List<GroupView> groups, Map<String, String> links) {
    }

    /** Request body: {"group": {...}}. */
    public record Body(Fields group) {
    }

    public record Fields(String name, @JsonProperty("domain_id") String domainId, String description) {
    }
}
