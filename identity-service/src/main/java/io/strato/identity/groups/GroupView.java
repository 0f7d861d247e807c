package io.strato.identity.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a group. */
public record GroupView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
                        Map<String, String> links) {

    public static GroupView of(Group g, Links links) {
        return new GroupView(g.id, g.name, g.domainId, g.description, links.self("groups/" + g.id));
    }

    @Schema(name = "GroupOne")
    public record One(GroupView group) {
    }

    @Schema(name = "GroupMany")
    public record Many(List<GroupView> groups, Map<String, String> links) {
    }

    /** Request body: {"group": {...}}. */
    @Schema(name = "GroupBody")
    public record Body(Fields group) {
    }

    @Schema(name = "GroupFields")
    public record Fields(String name, @JsonProperty("domain_id") String domainId, String description) {
    }
}
