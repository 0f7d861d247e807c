package io.strato.network.l3agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.network.agents.AgentView;
import io.strato.network.routers.RouterView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the l3_agent_scheduler calls: the agents API's and the routers API's views, in Neutron's wrappers. */
final class L3Views {
    private L3Views() {
    }

    /** {@code GET /v2.0/routers/{id}/l3-agents}: {@code {"agents": [...]}} (no paging, as Neutron). */
    @Schema(name = "RouterL3AgentListResponse")
    public record Agents(@JsonProperty("agents") List<AgentView> agents) {
    }

    /** {@code GET /v2.0/agents/{id}/l3-routers}: {@code {"routers": [...]}} (no paging, as Neutron). */
    @Schema(name = "L3AgentRouterListResponse")
    public record Routers(@JsonProperty("routers") List<RouterView> routers) {
    }
}
