package io.strato.network.agents;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.subnet;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A port follows its host's network agent: DOWN until the agent reports it made, then ACTIVE; binding_failed on a
 * host whose agent fell silent; a host that never had an agent (a simulated one) keeps ACTIVE-when-bound.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class AgentPortStatusTest {
    private final String project = newProject();
    private final String me = member(project);

    static void heartbeat(String host, OffsetDateTime at) throws Exception {
        AgentEvents.heartbeat(host, 0, at);
    }

    String boundPort(String net, String host) {
        return as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"binding:host_id\": \"" + host
                        + "\", \"device_owner\": \"compute:nova\", \"project_id\": \"" + project + "\"}}")
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
    }

    void awaitKnown(String host) {
        await("agent of " + host + " registered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String net = network(me);
                    String id = boundPort(net, host);
                    String status = as(admin()).get("/v2.0/ports/{id}", id).then().extract().path("port.status");
                    as(admin()).delete("/v2.0/ports/{id}", id);
                    as(me).delete("/v2.0/networks/{id}", net);
                    return "DOWN".equals(status);
                });
    }

    @Test
    void aPortIsDownUntilItsAgentReportsItThenActive() throws Exception {
        String host = "agent-host-" + UUID.randomUUID().toString().substring(0, 8);
        heartbeat(host, OffsetDateTime.now());
        awaitKnown(host);
        String net = network(me);
        subnet(me, net, "10.41.0.0/24");
        String port = boundPort(net, host);
        as(admin()).get("/v2.0/ports/{id}", port).then().statusCode(200)
                .body("port.status", equalTo("DOWN")).body("port.'binding:vif_type'", equalTo("bridge"));
        AgentEvents.publish("strato.network.agent.port_status.v1", port, "{\"port_id\": \"" + port + "\", \"host\": \"" + host
                + "\", \"status\": \"ACTIVE\", \"revision_number\": 0}", OffsetDateTime.now());
        await("port ACTIVE").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "ACTIVE".equals(as(admin()).get("/v2.0/ports/{id}", port).then().extract().path("port.status")));
        // a report from another host is stale: nothing changes (the port is already ACTIVE; a DOWN one stays DOWN)
        String other = boundPort(net, host);
        AgentEvents.publish("strato.network.agent.port_status.v1", other, "{\"port_id\": \"" + other
                + "\", \"host\": \"some-other-host\", \"status\": \"ACTIVE\"}", OffsetDateTime.now());
        heartbeat(host, OffsetDateTime.now());
        awaitKnown(host);
        as(admin()).get("/v2.0/ports/{id}", other).then().body("port.status", equalTo("DOWN"));
    }

    @Test
    void aHostWhoseAgentIsSilentFailsTheBinding() throws Exception {
        String host = "silent-host-" + UUID.randomUUID().toString().substring(0, 8);
        // alive for a few seconds more, then silent (a heartbeat older than the down time would register nothing)
        heartbeat(host, OffsetDateTime.now().minus(AgentEvents.downTime()).plusSeconds(5));
        awaitKnown(host);
        String net = network(me);
        await("binding fails").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String id = boundPort(net, host);
            String vif = as(admin()).get("/v2.0/ports/{id}", id).then().extract().path("port.'binding:vif_type'");
            String status = as(admin()).get("/v2.0/ports/{id}", id).then().extract().path("port.status");
            as(admin()).delete("/v2.0/ports/{id}", id);
            return "binding_failed".equals(vif) && "DOWN".equals(status);
        });
    }

    @Test
    void aHostThatNeverHadAnAgentKeepsActiveWhenBound() {
        String net = network(me);
        String port = boundPort(net, "simulated-host-" + UUID.randomUUID());
        as(admin()).get("/v2.0/ports/{id}", port).then().statusCode(200)
                .body("port.status", equalTo("ACTIVE")).body("port.'binding:vif_type'", equalTo("bridge"));
    }
}
