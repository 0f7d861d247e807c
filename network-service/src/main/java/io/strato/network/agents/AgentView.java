package io.strato.network.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.network.api.Link;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A network agent in Neutron's JSON shape. Strato runs one agent per host, doing Neutron's linuxbridge agent's L2
 * work (bridges, VXLAN, filtering) and serving DHCP and metadata for the networks on its host: it is one row of
 * type {@value #TYPE}, not three. Timestamps are Neutron's agent timestamps: UTC, {@code 2026-11-27 12:00:00}.
 */
public record AgentView(
        @JsonProperty("id") String id,
        @JsonProperty("agent_type") String agentType,
        @JsonProperty("binary") String binary,
        @JsonProperty("topic") String topic,
        @JsonProperty("host") String host,
        @JsonProperty("alive") boolean alive,
        @JsonProperty("admin_state_up") boolean adminStateUp,
        @JsonProperty("availability_zone") String availabilityZone,
        @JsonProperty("heartbeat_timestamp") String heartbeatTimestamp,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("configurations") Configurations configurations,
        @JsonProperty("resources_synced") Boolean resourcesSynced,
        @JsonProperty("description") String description) {

    static final String TYPE = "Linux bridge agent";
    static final String BINARY = "strato-network-agent";
    /** Neutron's topic of L2 agents, which take no RPC casts of their own. */
    static final String TOPIC = "N/A";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public static AgentView of(NetworkAgent a, boolean alive) {
        // L2 agents have no availability zone in Neutron; nothing here reports to placement (resources_synced null)
        return new AgentView(a.id.toString(), TYPE, BINARY, TOPIC, a.host, alive, a.adminStateUp, null,
                time(a.lastHeartbeat), time(a.startedAt), time(a.createdAt),
                new Configurations(a.tunnelIp, List.of("vxlan"), a.devices), null, a.description);
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** What the agent's heartbeat says of it, under the names Neutron's L2 agents use. */
    @Schema(name = "AgentConfigurations")
    public record Configurations(@JsonProperty("tunneling_ip") String tunnelingIp,
                                 @JsonProperty("tunnel_types") List<String> tunnelTypes,
                                 @JsonProperty("devices") int devices) {
    }

    /** {@code {"agent": {...}}} */
    @Schema(name = "AgentResponse")
    public record One(@JsonProperty("agent") AgentView agent) {
    }

    /** {@code {"agents": [...], "agents_links": [...]}}, the links only when there is a next page. */
    @Schema(name = "AgentListResponse")
    public record Many(@JsonProperty("agents") List<AgentView> agents,
                       @JsonProperty("agents_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> agentsLinks) {
    }
}
