package io.strato.compute.servergroups;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.api.Microversion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a server group: before 2.64 {@code policies} and {@code metadata}, from 2.64 {@code policy} and
 * {@code rules}; {@code project_id} and {@code user_id} from 2.13. Keys of other versions are left out.
 */
@Schema(name = "ServerGroup")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerGroupView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("policies") List<String> policies,
        @JsonProperty("policy") String policy,
        @JsonProperty("rules") Map<String, Object> rules,
        @JsonProperty("members") List<String> members,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("user_id") String userId) {

    static ServerGroupView of(ServerGroupService.WithMembers w, Microversion version) {
        ServerGroup g = w.group();
        boolean v264 = version.atLeast(64);
        boolean v213 = version.atLeast(13);
        return new ServerGroupView(g.id.toString(), g.name, v264 ? null : List.of(g.policy), v264 ? g.policy : null,
                v264 ? (g.rules == null ? Map.of() : g.rules) : null,
                w.members().stream().map(UUID::toString).toList(), v264 ? null : Map.of(),
                v213 ? g.projectId : null, v213 ? g.userId : null);
    }

    @Schema(name = "ServerGroupOne")
    public record One(@JsonProperty("server_group") ServerGroupView serverGroup) {
    }

    @Schema(name = "ServerGroupMany")
    public record Many(@JsonProperty("server_groups") List<ServerGroupView> serverGroups) {
    }
}
