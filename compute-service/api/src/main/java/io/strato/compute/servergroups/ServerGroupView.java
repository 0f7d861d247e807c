package io.strato.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's JSON of a server group at 2.1: policies and metadata (policy/rules are 2.64, project and user 2.13). */
@Schema(name = "ServerGroup")
public record ServerGroupView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("policies") List<String> policies,
        @JsonProperty("members") List<String> members,
        @JsonProperty("metadata") Map<String, String> metadata) {

    static ServerGroupView of(ServerGroupService.WithMembers w) {
        ServerGroup g = w.group();
        return new ServerGroupView(g.id.toString(), g.name, List.of(g.policy),
                w.members().stream().map(UUID::toString).toList(), Map.of());
    }

    @Schema(name = "ServerGroupOne")
    public record One(@JsonProperty("server_group") ServerGroupView serverGroup) {
    }

    @Schema(name = "ServerGroupMany")
    public record Many(@JsonProperty("server_groups") List<ServerGroupView> serverGroups) {
    }
}
