package io.strato.network.l3agents;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.agents.AgentEvents;
import io.strato.network.routers.L3Fixture;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routers run on the hosts of live network agents: scheduled when they get a port (the live agent hosting the fewest
 * routers, ties by host name), or by a heartbeat when no agent was alive; their interface and gateway ports are bound
 * to that host and follow its agent; Neutron's l3_agent_scheduler API shows and changes it.
 *
 * <p>The test database and the Kafka broker are shared with earlier runs (and with any cloud on this machine): each
 * test first disables every other live agent and keeps the routers earlier tests left unscheduled out of the
 * heartbeats' sweep, so that only its own hosts and routers take part.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class RouterSchedulingTest {
    private final String project = newProject();
    private final String token = member(project);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void onlyThisTestsAgentsAndRouters() throws Throwable {
        JsonPath agents = as(admin()).get("/v2.0/agents?alive=True&admin_state_up=True").then().statusCode(200).extract().jsonPath();
        for (String id : agents.<String>getList("agents.id")) {
            as(admin()).body(Map.of("agent", Map.of("admin_state_up", false))).put("/v2.0/agents/{id}", id);
        }
        keepUnscheduledRoutersOutOfTheSweep();
    }

    private static void keepUnscheduledRoutersOutOfTheSweep() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("UPDATE router SET auto_schedule = false WHERE host IS NULL").executeUpdate())));
    }

    /** A live agent on a new host; names starting with "0-" sort before every other test's hosts. */
    private Map<String, Object> liveAgent(String name) throws Exception {
        return AgentEvents.awaitAgent("0-" + tag + "-" + name, 0);
    }

    /** Two live agents, a (first by name) and b, and the external network and the subnet of a gateway router. */
    private record Setup(Map<String, Object> a, Map<String, Object> b, L3Fixture.Net ext, L3Fixture.Net net) {
        String hostA() {
            return (String) a.get("host");
        }

        String hostB() {
            return (String) b.get("host");
        }
    }

    private Setup twoAgents(String cidr) throws Exception {
        return new Setup(liveAgent("a"), liveAgent("b"), L3Fixture.external("203.0.113.0/24"), L3Fixture.network(token, cidr));
    }

    private static Map<String, Object> port(String id) {
        return as(admin()).get("/v2.0/ports/{id}", id).then().statusCode(200).extract().path("port");
    }

    /** The router's interface and gateway ports, as an admin sees them. */
    private static List<Map<String, Object>> routerPorts(String router) {
        return as(admin()).get("/v2.0/ports?device_id={r}", router).then().statusCode(200).extract().path("ports");
    }

    private static List<String> hostsOf(String router) {
        return routerPorts(router).stream().map(p -> (String) p.get("binding:host_id")).toList();
    }

    private static String agentHosting(String router) {
        List<String> hosts = as(admin()).get("/v2.0/routers/{id}/l3-agents", router).then().statusCode(200)
                .extract().path("agents.host");
        assertTrue(hosts.size() <= 1, "one agent at most: " + hosts);
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    @Test
    void aRouterGoesToTheLiveAgentHostingTheFewestRoutersAndItsPortsAreBoundThere() throws Exception {
        Setup t = twoAgents("10.60.1.0/24");
        Map<String, Object> a = t.a();
        Map<String, Object> b = t.b();
        String hostA = t.hostA();
        String hostB = t.hostB();
        var ext = t.ext();
        var net = t.net();

        // both host none: the first by name; then the other; then the first again
        String first = L3Fixture.gatewayRouter(token, net.subnetId(), ext.id());
        assertEquals(hostA, agentHosting(first));
        assertEquals(List.of(hostA, hostA), hostsOf(first));
        String second = L3Fixture.router(token);
        L3Fixture.setGateway(token, second, ext.id());
        assertEquals(hostB, agentHosting(second));
        String third = L3Fixture.router(token);
        L3Fixture.addSubnet(token, third, L3Fixture.network(token, "10.60.3.0/24").subnetId());
        assertEquals(hostA, agentHosting(third));
        // a router without ports is nobody's yet
        String bare = L3Fixture.router(token);
        assertEquals(null, agentHosting(bare));

        as(admin()).get("/v2.0/agents/{id}/l3-routers", a.get("id")).then().statusCode(200)
                .body("routers.id", contains(first, third))
                .body("routers[0].external_gateway_info.network_id", equalTo(ext.id()));
        as(admin()).get("/v2.0/agents/{id}/l3-routers", b.get("id")).then().statusCode(200).body("routers.id", contains(second));
        as(admin()).get("/v2.0/routers/{id}/l3-agents", first).then().statusCode(200)
                .body("agents[0].id", equalTo(a.get("id"))).body("agents[0].alive", equalTo(true))
                .body("agents[0].agent_type", equalTo("Linux bridge agent"));
        // the router's own JSON has no new attribute
        Map<String, Object> shown = as(token).get("/v2.0/routers/{id}", first).then().statusCode(200).extract().path("router");
        assertTrue(!shown.containsKey("host") && !shown.containsKey("auto_schedule"), shown.keySet().toString());

        // a port bound to a host whose agent is alive is DOWN until the agent reports it, then ACTIVE
        for (Map<String, Object> p : routerPorts(first)) {
            assertEquals("DOWN", p.get("status"), p.toString());
            assertEquals("bridge", p.get("binding:vif_type"));
            assertEquals("brq" + ((String) p.get("network_id")).substring(0, 11),
                    ((Map<?, ?>) p.get("binding:vif_details")).get("bridge_name"));
        }
        String gateway = routerPorts(first).stream().filter(p -> "network:router_gateway".equals(p.get("device_owner")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        AgentEvents.portUp(gateway, hostB); // another host's report is stale
        AgentEvents.portUp(gateway, hostA);
        await("gateway port ACTIVE").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "ACTIVE".equals(port(gateway).get("status")));
        // a new interface of a scheduled router is created bound to its host
        L3Fixture.addSubnet(token, first, L3Fixture.network(token, "10.60.2.0/24").subnetId());
        assertEquals(List.of(hostA, hostA, hostA), hostsOf(first));
    }

    @Test
    void withNoLiveAgentARouterStaysUnscheduledUntilAnAgentBeats() throws Throwable {
        var net = L3Fixture.network(token, "10.61.1.0/24");
        String router = L3Fixture.router(token);
        L3Fixture.addSubnet(token, router, net.subnetId());
        assertEquals(null, agentHosting(router));
        Map<String, Object> unbound = routerPorts(router).get(0);
        assertEquals("", unbound.get("binding:host_id"));
        assertEquals("unbound", unbound.get("binding:vif_type"));
        assertEquals("ACTIVE", unbound.get("status"), "an unscheduled router's port keeps today's status");
        int revision = (Integer) unbound.get("revision_number");

        String host = (String) liveAgent("c").get("host");
        await("router scheduled at the heartbeat").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> host.equals(agentHosting(router)));
        Map<String, Object> bound = port((String) unbound.get("id"));
        assertEquals(host, bound.get("binding:host_id"));
        assertEquals("bridge", bound.get("binding:vif_type"));
        assertEquals("DOWN", bound.get("status"));
        assertEquals(revision + 1, bound.get("revision_number"));
        List<String> events = L3Fixture.events((String) unbound.get("id"));
        assertEquals("strato.network.port.bound.v1", events.get(events.size() - 1));
    }

    /** The unscheduled router's earlier ports go with it when a new port makes it scheduled. */
    @Test
    void aRouterScheduledAtItsSecondPortTakesItsFirstAlong() throws Throwable {
        var net = L3Fixture.network(token, "10.64.1.0/24");
        String router = L3Fixture.router(token);
        L3Fixture.addSubnet(token, router, net.subnetId());
        assertEquals(List.of(""), hostsOf(router));
        // an agent comes alive, but its heartbeats' sweep leaves this router alone (as one an admin removed)
        keepUnscheduledRoutersOutOfTheSweep();
        String host = (String) liveAgent("d").get("host");
        assertEquals(null, agentHosting(router));
        L3Fixture.addSubnet(token, router, L3Fixture.network(token, "10.64.2.0/24").subnetId());
        assertEquals(host, agentHosting(router));
        assertEquals(List.of(host, host), hostsOf(router));
    }

    /** Routers gaining their first ports at once spread evenly: each choice sees the ones before it. */
    @Test
    void concurrentFirstPortsSpreadEvenly() throws Exception {
        Setup t = twoAgents("10.65.0.0/24");
        int n = 8;
        List<String> routers = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            routers.add(L3Fixture.router(token));
            subnets.add(L3Fixture.network(token, "10.65." + (i + 1) + ".0/24").subnetId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                added.add(pool.submit(() -> as(token).body(Map.of("subnet_id", subnets.get(k)))
                        .put("/v2.0/routers/{id}/add_router_interface", routers.get(k)).statusCode()));
            }
            for (Future<Integer> f : added) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> perHost = routers.stream().map(RouterSchedulingTest::agentHosting)
                .collect(Collectors.groupingBy(h -> String.valueOf(h), Collectors.counting()));
        assertEquals(Map.of(t.hostA(), (long) n / 2, t.hostB(), (long) n / 2), perHost);
    }

    @Test
    void anAdminMovesARouterToAnotherAgentAndRemovesItFromOne() throws Throwable {
        Setup t = twoAgents("10.62.1.0/24");
        Map<String, Object> a = t.a();
        Map<String, Object> b = t.b();
        String router = L3Fixture.gatewayRouter(token, t.net().subnetId(), t.ext().id());
        assertEquals(t.hostA(), agentHosting(router));
        String gateway = routerPorts(router).stream().filter(p -> "network:router_gateway".equals(p.get("device_owner")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        AgentEvents.portUp(gateway, t.hostA());
        await("gateway port ACTIVE on a").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "ACTIVE".equals(port(gateway).get("status")));

        // openstack network agent add router --l3 B R: 201 with the body null, as Neutron's; the ports move to b's
        // host and are DOWN until b's agent reports them (Neutron would answer 409 RouterHostedByL3Agent)
        String body = as(admin()).body(Map.of("router_id", router)).post("/v2.0/agents/{id}/l3-routers", b.get("id"))
                .then().statusCode(201).extract().asString();
        assertEquals("null", body);
        assertEquals(t.hostB(), agentHosting(router));
        assertEquals(List.of(t.hostB(), t.hostB()), hostsOf(router));
        routerPorts(router).forEach(p -> assertEquals("DOWN", p.get("status")));
        List<String> events = L3Fixture.events(gateway);
        assertEquals("strato.network.port.bound.v1", events.get(events.size() - 1));
        as(admin()).get("/v2.0/agents/{id}/l3-routers", a.get("id")).then().body("routers.id", not(hasItem(router)));
        // again: nothing changes
        as(admin()).body(Map.of("router_id", router)).post("/v2.0/agents/{id}/l3-routers", b.get("id")).then().statusCode(201);
        // removing it from an agent that does not host it changes nothing
        as(admin()).delete("/v2.0/agents/{id}/l3-routers/{r}", a.get("id"), router).then().statusCode(204);
        assertEquals(t.hostB(), agentHosting(router));

        // openstack network agent remove router --l3 B R: unscheduled, its ports unbound and DOWN
        as(admin()).delete("/v2.0/agents/{id}/l3-routers/{r}", b.get("id"), router).then().statusCode(204);
        assertEquals(null, agentHosting(router));
        for (Map<String, Object> p : routerPorts(router)) {
            assertEquals("", p.get("binding:host_id"));
            assertEquals("unbound", p.get("binding:vif_type"));
            assertEquals("DOWN", p.get("status"), "no host serves it any more");
        }
        // the next heartbeats leave a router an admin removed alone
        AgentEvents.heartbeat(t.hostA(), 1, OffsetDateTime.now());
        await("heartbeat recorded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                Integer.valueOf(1).equals(((Map<?, ?>) AgentEvents.agentsOf(t.hostA()).get(0).get("configurations")).get("devices")));
        assertEquals(null, agentHosting(router));
        // until it gains a port
        L3Fixture.addSubnet(token, router, L3Fixture.network(token, "10.62.2.0/24").subnetId());
        assertEquals(t.hostA(), agentHosting(router), "a hosts 0 routers now, b 0: a by name");
    }

    @Test
    void neutronsAnswersForWhatCannotBeScheduled() throws Exception {
        Map<String, Object> a = liveAgent("a");
        String router = L3Fixture.router(token);
        String unknown = UUID.randomUUID().toString();
        as(admin()).body(Map.of("router_id", router)).post("/v2.0/agents/{id}/l3-routers", unknown).then().statusCode(404)
                .body("NeutronError.type", equalTo("AgentNotFound"))
                .body("NeutronError.message", equalTo("Agent " + unknown + " could not be found."));
        as(admin()).get("/v2.0/agents/{id}/l3-routers", "nope").then().statusCode(404).body("NeutronError.type", equalTo("AgentNotFound"));
        as(admin()).body(Map.of("router_id", unknown)).post("/v2.0/agents/{id}/l3-routers", a.get("id")).then().statusCode(404)
                .body("NeutronError.type", equalTo("RouterNotFound"));
        as(admin()).body(Map.of()).post("/v2.0/agents/{id}/l3-routers", a.get("id")).then().statusCode(400);
        as(admin()).delete("/v2.0/agents/{id}/l3-routers/{r}", a.get("id"), unknown).then().statusCode(404)
                .body("NeutronError.type", equalTo("RouterNotFound"));
        // an unknown router is hosted by no agent (Neutron only reads the bindings)
        as(admin()).get("/v2.0/routers/{id}/l3-agents", unknown).then().statusCode(200).body("agents", empty());
        // a disabled agent takes no router
        as(admin()).body(Map.of("agent", Map.of("admin_state_up", false))).put("/v2.0/agents/{id}", a.get("id")).then().statusCode(200);
        as(admin()).body(Map.of("router_id", router)).post("/v2.0/agents/{id}/l3-routers", a.get("id")).then().statusCode(404)
                .body("NeutronError.type", equalTo("InvalidL3Agent"))
                .body("NeutronError.message", equalTo("Agent " + a.get("id") + " is not a L3 Agent or has been disabled"));
        // nor is it chosen: with no enabled live agent a router stays unscheduled
        L3Fixture.addSubnet(token, router, L3Fixture.network(token, "10.63.1.0/24").subnetId());
        assertEquals(null, agentHosting(router));
        // admin only, and refused before anything is looked up (403, not 404)
        for (String caller : List.of(token, member(project))) {
            as(caller).get("/v2.0/routers/{id}/l3-agents", router).then().statusCode(403).body("NeutronError.type", equalTo("PolicyNotAuthorized"));
            as(caller).get("/v2.0/agents/{id}/l3-routers", a.get("id")).then().statusCode(403);
            as(caller).body(Map.of("router_id", router)).post("/v2.0/agents/{id}/l3-routers", unknown).then().statusCode(403);
            as(caller).delete("/v2.0/agents/{id}/l3-routers/{r}", a.get("id"), router).then().statusCode(403);
        }
        as(admin()).get("/v2.0/extensions/l3_agent_scheduler").then().statusCode(200)
                .body("extension.name", equalTo("L3 Agent Scheduler"));
        as(admin()).get("/v2.0/routers/{id}", router).then().statusCode(200).body("router.status", equalTo("ACTIVE"))
                .body("router.external_gateway_info", nullValue());
    }
}
