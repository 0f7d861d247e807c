package io.strato.network.agents;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.agents.AgentEvents.agentsOf;
import static io.strato.network.agents.AgentEvents.awaitAgent;
import static io.strato.network.agents.AgentEvents.downTime;
import static io.strato.network.agents.AgentEvents.heartbeat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Neutron's agents API over the heartbeats the agents publish on {@code strato.network.agent}: what an admin sees,
 * changes and deletes, liveness against the down time, the filters, and that nobody else sees any agent.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class AgentApiTest {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    static String newHost() {
        return "api-host-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminSeesTheAgentAsNeutronShowsOne() throws Exception {
        String host = newHost();
        String id = (String) awaitAgent(host, 3).get("id");
        as(admin()).get("/v2.0/agents/{id}", id).then().statusCode(200)
                .body("agent.id", equalTo(id)).body("agent.host", equalTo(host))
                .body("agent.agent_type", equalTo("Linux bridge agent"))
                .body("agent.binary", equalTo("strato-network-agent")).body("agent.topic", equalTo("N/A"))
                .body("agent.alive", equalTo(true)).body("agent.admin_state_up", equalTo(true))
                .body("agent.availability_zone", nullValue()).body("agent.description", nullValue())
                .body("agent.resources_synced", nullValue())
                .body("agent.heartbeat_timestamp", matchesPattern(TIME))
                .body("agent.started_at", matchesPattern(TIME)).body("agent.created_at", matchesPattern(TIME))
                .body("agent.configurations.tunneling_ip", equalTo("192.0.2.7"))
                .body("agent.configurations.tunnel_types", contains("vxlan"))
                .body("agent.configurations.devices", equalTo(3));
        as(admin()).queryParam("fields", "id").queryParam("fields", "alive").get("/v2.0/agents/{id}", id).then()
                .statusCode(200).body("agent.keySet()", contains("id", "alive"));
        as(admin()).get("/v2.0/agents/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("NeutronError.type", equalTo("AgentNotFound"));
        as(admin()).get("/v2.0/agents/not-a-uuid").then().statusCode(404)
                .body("NeutronError.type", equalTo("AgentNotFound"));
    }

    @Test
    void anAdminDisablesDescribesAndDeletesAnAgentThatThenRegistersAgain() throws Exception {
        String host = newHost();
        String id = (String) awaitAgent(host, 1).get("id");
        as(admin()).body("{\"agent\": {\"admin_state_up\": false, \"description\": \"rack 4\"}}")
                .put("/v2.0/agents/{id}", id).then().statusCode(200)
                .body("agent.admin_state_up", equalTo(false)).body("agent.description", equalTo("rack 4"))
                .body("agent.host", equalTo(host));
        // the agent's next heartbeat changes what it reports, not what the admin set
        awaitAgent(host, 2);
        as(admin()).get("/v2.0/agents/{id}", id).then().statusCode(200)
                .body("agent.admin_state_up", equalTo(false)).body("agent.description", equalTo("rack 4"))
                .body("agent.configurations.devices", equalTo(2));
        as(admin()).body("{\"agent\": {\"admin_state_up\": \"True\", \"description\": null}}")
                .put("/v2.0/agents/{id}", id).then().statusCode(200)
                .body("agent.admin_state_up", equalTo(true)).body("agent.description", nullValue());

        as(admin()).delete("/v2.0/agents/{id}", id).then().statusCode(204);
        as(admin()).get("/v2.0/agents/{id}", id).then().statusCode(404).body("NeutronError.type", equalTo("AgentNotFound"));
        as(admin()).delete("/v2.0/agents/{id}", id).then().statusCode(404);
        // a live agent comes back at its next heartbeat, as a new agent
        Map<String, Object> again = awaitAgent(host, 2);
        assertNotEquals(id, again.get("id"));
        assertEquals(true, again.get("admin_state_up"));
    }

    @Test
    void anAgentIsDeadOnceSilentForTheDownTimeAndStartsAgainWithItsNextHeartbeat() throws Exception {
        String host = newHost();
        Duration down = downTime();
        // a heartbeat some seconds short of the down time (room for Kafka's delivery): alive now, dead soon after
        await("alive").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            heartbeat(host, 0, OffsetDateTime.now().minus(down).plusSeconds(15));
            return as(admin()).queryParam("host", host).queryParam("alive", "True").get("/v2.0/agents").then()
                    .extract().jsonPath().getList("agents.alive").equals(List.of(true));
        });
        String started = (String) agentsOf(host).get(0).get("started_at");
        await("dead").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300))
                .until(() -> Boolean.FALSE.equals(agentsOf(host).get(0).get("alive")));
        as(admin()).queryParam("host", host).queryParam("alive", "True").get("/v2.0/agents").then()
                .body("agents", empty());
        as(admin()).queryParam("host", host).queryParam("alive", "false").get("/v2.0/agents").then()
                .body("agents", hasSize(1));
        // back after a silence longer than the down time: alive, and started anew
        heartbeat(host, 0, OffsetDateTime.now());
        await("alive again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Boolean.TRUE.equals(agentsOf(host).get(0).get("alive")));
        assertNotEquals(started, agentsOf(host).get(0).get("started_at"));
    }

    @Test
    void aHeartbeatOlderThanTheDownTimeRegistersNoAgent() throws Exception {
        String stale = newHost();
        heartbeat(stale, 0, OffsetDateTime.now().minus(downTime()).minusSeconds(30));
        awaitAgent(newHost(), 0); // a fresh heartbeat sent after it has been handled
        await("no agent from a stale heartbeat").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200)).until(() -> agentsOf(stale).isEmpty());
    }

    @Test
    void listsFilterSortAndPage() throws Exception {
        String a = "filter-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "filter-b-" + a.substring(9);
        awaitAgent(a, 0);
        String idB = (String) awaitAgent(b, 0).get("id");
        as(admin()).body("{\"agent\": {\"admin_state_up\": false}}").put("/v2.0/agents/{id}", idB).then().statusCode(200);
        JsonPath both = as(admin()).queryParam("host", a).queryParam("host", b).queryParam("sort_key", "host")
                .queryParam("sort_dir", "desc").get("/v2.0/agents").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(b, a), both.getList("agents.host"));
        as(admin()).queryParam("host", a, b).queryParam("admin_state_up", "False").get("/v2.0/agents").then()
                .body("agents.host", contains(b));
        as(admin()).queryParam("host", a).queryParam("agent_type", "Linux bridge agent").get("/v2.0/agents").then()
                .body("agents", hasSize(1));
        as(admin()).queryParam("host", a).queryParam("agent_type", "DHCP agent").get("/v2.0/agents").then()
                .body("agents", empty());
        as(admin()).queryParam("host", a).queryParam("binary", "strato-network-agent").queryParam("topic", "N/A")
                .get("/v2.0/agents").then().body("agents", hasSize(1));
        as(admin()).queryParam("host", a).queryParam("alive", "maybe").get("/v2.0/agents").then().body("agents", empty());
        as(admin()).queryParam("host", a).queryParam("fields", "host").queryParam("fields", "agent_type")
                .get("/v2.0/agents").then().body("agents[0].keySet()", contains("host", "agent_type"));
        as(admin()).queryParam("host", a).queryParam("host", b).queryParam("sort_key", "host")
                .queryParam("sort_key", "agent_type").queryParam("sort_dir", "asc").queryParam("sort_dir", "asc")
                .queryParam("limit", 1).get("/v2.0/agents").then().statusCode(200)
                .body("agents.host", contains(a)).body("agents_links[0].rel", equalTo("next"))
                .body("agents_links[0].href", containsString("marker="));
        as(admin()).queryParam("sort_key", "configurations").get("/v2.0/agents").then().statusCode(400);
    }

    @Test
    void othersSeeNoAgentAndCannotTouchOne() throws Exception {
        String host = newHost();
        String id = (String) awaitAgent(host, 0).get("id");
        String me = member(newProject());
        // Tempest's test_list_agents_non_admin: 200 with no agents
        as(me).get("/v2.0/agents").then().statusCode(200).body("agents", empty());
        as(me).queryParam("host", host).get("/v2.0/agents").then().statusCode(200).body("agents", empty());
        as(me).get("/v2.0/agents/{id}", id).then().statusCode(404).body("NeutronError.type", equalTo("HTTPNotFound"));
        as(me).body("{\"agent\": {\"admin_state_up\": false}}").put("/v2.0/agents/{id}", id).then().statusCode(404);
        as(me).delete("/v2.0/agents/{id}", id).then().statusCode(404);
        as(admin()).get("/v2.0/agents/{id}", id).then().statusCode(200).body("agent.admin_state_up", equalTo(true));
        io.restassured.RestAssured.get("/v2.0/agents").then().statusCode(401);
    }

    @Test
    void badUpdateBodiesAre400s() throws Exception {
        String id = (String) awaitAgent(newHost(), 0).get("id");
        as(admin()).body("{\"agent\": {\"host\": \"elsewhere\"}}").put("/v2.0/agents/{id}", id).then().statusCode(400)
                .body("NeutronError.message", equalTo("Cannot update read-only attribute host"));
        as(admin()).body("{\"agent\": {\"colour\": \"red\"}}").put("/v2.0/agents/{id}", id).then().statusCode(400)
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'colour'"));
        as(admin()).body("{\"agent\": {\"admin_state_up\": \"maybe\"}}").put("/v2.0/agents/{id}", id).then()
                .statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        as(admin()).body("{\"agent\": {\"description\": \"" + "x".repeat(256) + "\"}}").put("/v2.0/agents/{id}", id)
                .then().statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        as(admin()).body("{\"admin_state_up\": false}").put("/v2.0/agents/{id}", id).then().statusCode(400);
        as(admin()).body("{not json").put("/v2.0/agents/{id}", id).then().statusCode(400);
        as(admin()).get("/v2.0/agents/{id}", id).then().body("agent.admin_state_up", equalTo(true))
                .body("agent.description", not(equalTo("elsewhere")));
    }
}
