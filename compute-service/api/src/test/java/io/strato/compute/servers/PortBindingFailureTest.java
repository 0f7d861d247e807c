package io.strato.compute.servers;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A host whose network agent is down: network-service answers the port binding with {@code binding:vif_type
 * binding_failed}, and the build goes to another host as Nova's PortBindingFailed reschedule does, or ends in
 * ERROR when no attempt is left.
 */
@QuarkusTest
@ServersInfra
class PortBindingFailureTest extends ServerTestBase {
    private static final String BUILD_EVENT = "compute__do_build_and_run_instance";

    @Test
    void aHostWhoseNetworkAgentIsDownIsLeftForAnotherHost() {
        String deadHost = world.host(zone, 16, 16384, 200); // the most free RAM and vCPUs: the weighers' first choice
        world.networkAgentDead(deadHost);
        var created = create(member, body("rewired", null)).then().statusCode(202).extract();
        UUID id = UUID.fromString(created.path("server.id"));
        String requestId = created.header("x-openstack-request-id");

        JsonNodeHost spawn = awaitSpawn(id);
        assertNotEquals(deadHost, spawn.host(), "no spawn on the host that cannot wire the NIC");
        assertTrue(world.serverColumn(id, "tried_hosts").contains(deadHost), "the dead agent's host was tried first");
        assertEquals("2", world.serverColumn(id, "attempts"));
        assertEquals(1, world.commandCount(id, Commands.SPAWN), "the dead agent's host never got a spawn");
        assertEquals(0, world.commandCount(id, Commands.DELETE), "nor a delete: nothing was made there");
        assertArrayEquals(new long[3], world.used(deadHost), "its claim is given back");
        assertEquals(1, world.portsOf(id).size(), "the port is reused, not made twice");
        var port = world.portsOf(id).get(0);
        assertEquals(spawn.host(), port.path("binding:host_id").asText(), "and rebound to the new host");
        assertEquals("bridge", port.path("binding:vif_type").asText());

        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        assertEquals(spawn.host(), host(id));
        String failed = "Binding failed for port " + port.path("id").asText()
                + ", please check neutron logs for more information.";
        as(admin).get(SERVERS + "/" + id + "/os-instance-actions/" + requestId).then().statusCode(200)
                .body("instanceAction.events.findAll { it.event == '" + BUILD_EVENT + "' }.result",
                        containsInAnyOrder("Error", "Success"))
                .body("instanceAction.events.findAll { it.result == 'Error' }.traceback", hasItem(failed));
        assertEquals(deadHost, world.string("SELECT e.host FROM instance_action_event e JOIN instance_action a"
                + " ON a.id = e.action_id WHERE a.server_id = ? AND e.event = ? AND e.result = 'Error'", id, BUILD_EVENT),
                "the failed build event names the dead agent's host");
    }

    @Test
    void whenEveryHostsNetworkAgentIsDownTheBuildErrorsWithNovasFault() {
        String thirdHost = world.host(zone, 8, 8192, 100); // three hosts for the three attempts
        for (String h : new String[] {hostA, hostB, thirdHost}) {
            world.networkAgentDead(h);
        }
        UUID id = createAccepted("unwired");
        awaitStatus(id, "ERROR");
        String failed = "Binding failed for port [0-9a-f-]{36}, please check neutron logs for more information\\.";
        as(admin).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.fault.code", equalTo(500))
                .body("server.fault.message", matchesPattern("No valid host was found\\. Exceeded max scheduling"
                        + " attempts 3 for instance " + id + "\\. Last exception: " + failed))
                .body("server.fault.details", matchesPattern(failed));
        assertEquals(0, world.commandCount(id, Commands.SPAWN), "no host got a spawn");
        for (String h : new String[] {hostA, hostB, thirdHost}) {
            assertTrue(world.serverColumn(id, "tried_hosts").contains(h), h + " was tried");
            assertArrayEquals(new long[3], world.used(h), "every claim is given back");
        }
        ServerWorld.await("ports given back", Duration.ofSeconds(20), () -> world.portsOf(id).isEmpty());
        assertEquals(0, world.allocations(id));
    }
}
