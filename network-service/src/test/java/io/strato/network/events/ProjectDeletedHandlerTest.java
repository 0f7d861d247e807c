package io.strato.network.events;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.kit.events.CloudEventCodec;
import io.strato.kit.data.events.ProjectDeletedEventHandler;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import io.strato.network.routers.L3Fixture;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * identity's {@code strato.identity.project.deleted.v1}, published to the real {@code strato.identity}
 * topic as identity's outbox relay publishes it, removes the project's networking: what it owns goes,
 * its addresses are free again, nothing is re-created, other projects keep theirs (a shared network
 * others still have ports on stays), and a second delivery changes nothing. Events the handler could
 * choke on are ignored rather than failing (a failing handler is retried forever and holds up every
 * later identity event of its partition).
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ProjectDeletedHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tables with a project_id column, and the quota rows: all empty for a deleted project. */
    private static final List<String> PROJECT_TABLES = List.of("network", "subnet", "port", "security_group",
            "security_group_rule", "router", "floating_ip", "subnetpool", "quota", "quota_lock");

    @Inject
    ProjectDeletedHandler handler;

    @Test
    void theDeletedProjectsNetworkingGoesAndAnotherProjectsStays() throws Throwable {
        var ext = L3Fixture.external("203.0.113.0/24");
        String doomed = newProject();
        String kept = newProject();
        Project p = build(doomed, ext.id(), "10.20.1.0/24");
        Project q = build(kept, ext.id(), "10.20.1.0/24");
        // an admin lets the kept project's group admit members of the doomed project's group
        String crossRule = rule(admin(), q.group, p.group);
        for (String table : PROJECT_TABLES) {
            assertTrue(count("SELECT count(*) FROM " + table + " WHERE project_id = :v", doomed) > 0, table);
        }
        String doomedAddress = as(admin()).get("/v2.0/floatingips/{id}", p.fip).then().statusCode(200)
                .extract().path("floatingip.floating_ip_address");

        UUID event = UUID.randomUUID();
        byte[] record = identityEvent(event, doomed);
        publish(doomed, record);
        awaitProcessed(event);

        // the doomed project's resources are gone, through the API and in the tables
        for (String[] r : p.resources()) {
            as(admin()).get("/v2.0/" + r[0] + "/{id}", r[1]).then().statusCode(404);
        }
        as(admin()).get("/v2.0/security-group-rules/{id}", crossRule).then().statusCode(404);
        assertProjectGone(doomed);
        assertEquals(0, count("SELECT count(*) FROM port WHERE device_id = :v", p.router),
                "the router's interface and gateway ports go with it");
        assertEquals(0, count("SELECT count(*) FROM port WHERE device_id = :v OR device_id = :w", p.fip, p.spareFip),
                "the floating IPs' ports on the external network (which belong to no project) go with them");
        assertEquals(0, count("SELECT count(*) FROM ip_allocation WHERE subnet_id = CAST(:v AS uuid)", p.subnet));
        assertEquals(Set.of(address(q.routerGatewayPort()), floatingAddress(q.fip), floatingAddress(q.spareFip)),
                strings("SELECT ip_address FROM ip_allocation WHERE subnet_id = CAST(:v AS uuid)", ext.subnetId()),
                "only the kept project's gateway and floating addresses stay allocated on the external subnet");
        // the doomed project's floating address can be handed out again
        String again = as(admin()).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(),
                        "floating_ip_address", doomedAddress, "project_id", newProject())))
                .post("/v2.0/floatingips").then().statusCode(201).extract().path("floatingip.id");
        as(admin()).delete("/v2.0/floatingips/{id}", again).then().statusCode(204);
        as(admin()).get("/v2.0/quotas/{p}", doomed).then().statusCode(200).body("quota.network", equalTo(100));

        // one deleted event per removed resource, so that agents tear the data plane down
        assertEquals(1, deletedEvents("network", p.network));
        assertEquals(1, deletedEvents("subnet", p.subnet));
        assertEquals(1, deletedEvents("port", p.port));
        assertEquals(1, deletedEvents("port", p.groupedPort));
        assertEquals(1, deletedEvents("router", p.router));
        assertEquals(1, deletedEvents("floatingip", p.fip));
        assertEquals(1, deletedEvents("floatingip", p.spareFip));
        assertEquals(1, deletedEvents("security_group", p.group));
        assertEquals(1, deletedEvents("subnetpool", p.pool));
        assertEquals(1, deletedEvents("subnet", p.pooledSubnet));
        Map<String, Object> portGone = lastEvent("strato.network.port.deleted.v1", p.port);
        assertEquals(p.network, portGone.get("network_id"));
        assertEquals(doomed, portGone.get("project_id"));

        assertKeptProjectIntact(q, kept);

        // identity's event delivered again (same id), then a second project-deleted event for the same project
        UUID second = UUID.randomUUID();
        publish(doomed, record);
        publish(doomed, identityEvent(second, doomed));
        awaitProcessed(second);
        assertProjectGone(doomed);
        assertEquals(1, deletedEvents("network", p.network), "nothing is deleted or announced twice");
        assertEquals(1, deletedEvents("port", p.port));
        assertEquals(1, deletedEvents("floatingip", p.fip));
        assertKeptProjectIntact(q, kept);
    }

    /**
     * Another project's port on the doomed project's shared network keeps that network (and its subnet)
     * alive; the doomed project's own port and router on it go, and the other project's floating IP that
     * reached its port through the doomed router is disassociated, not deleted.
     */
    @Test
    void aSharedNetworkAnotherProjectStillUsesStays() throws Throwable {
        var ext = L3Fixture.external("198.51.100.0/24");
        String doomed = newProject();
        String kept = newProject();
        String doomedToken = member(doomed);
        String keptToken = member(kept);
        String shared = Fixtures.network(admin(), "\"shared\": true, \"project_id\": \"" + doomed + "\"");
        String sharedSubnet = Fixtures.subnet(admin(), shared, "10.30.0.0/24");
        String ownPort = Fixtures.port(doomedToken, shared);
        String othersPort = Fixtures.port(keptToken, shared);
        String othersAddress = address(othersPort);
        String router = L3Fixture.gatewayRouter(doomedToken, sharedSubnet, ext.id());
        String othersFip = as(keptToken).body(Map.of("floatingip", Map.of("floating_network_id", ext.id(), "port_id", othersPort)))
                .post("/v2.0/floatingips").then().statusCode(201).body("floatingip.router_id", equalTo(router))
                .extract().path("floatingip.id");
        var privateNet = L3Fixture.network(doomedToken, "10.31.0.0/24");

        UUID event = UUID.randomUUID();
        publish(doomed, identityEvent(event, doomed));
        awaitProcessed(event);

        as(admin()).get("/v2.0/networks/{id}", shared).then().statusCode(200).body("network.shared", equalTo(true));
        as(keptToken).get("/v2.0/subnets/{id}", sharedSubnet).then().statusCode(200);
        as(keptToken).get("/v2.0/ports/{id}", othersPort).then().statusCode(200)
                .body("port.fixed_ips.ip_address", contains(othersAddress));
        assertEquals(Set.of(othersAddress),
                strings("SELECT ip_address FROM ip_allocation WHERE subnet_id = CAST(:v AS uuid)", sharedSubnet));
        as(admin()).get("/v2.0/ports/{id}", ownPort).then().statusCode(404);
        as(admin()).get("/v2.0/routers/{id}", router).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM port WHERE device_id = :v", router));
        as(keptToken).get("/v2.0/floatingips/{id}", othersFip).then().statusCode(200)
                .body("floatingip.port_id", nullValue()).body("floatingip.router_id", nullValue())
                .body("floatingip.status", equalTo("DOWN"));
        // the event is the floating IP after the change, its revision bumped: an agent keeping the highest revision
        // drops the mapping
        Map<String, Object> off = lastEvent("strato.network.floatingip.disassociated.v1", othersFip);
        assertEquals(null, off.get("port_id"), "the disassociated event carries the state after the change");
        assertEquals(null, off.get("router_id"));
        assertEquals(null, off.get("fixed_ip_address"));
        assertEquals("DOWN", off.get("status"));
        assertEquals(1, off.get("revision_number"));
        as(admin()).get("/v2.0/networks/{id}", privateNet.id()).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM port WHERE project_id = :v", doomed));
        assertEquals(0, count("SELECT count(*) FROM security_group WHERE project_id = :v", doomed));
        assertEquals(1, count("SELECT count(*) FROM network WHERE project_id = :v", doomed), "only the shared network");

        // once the other project lets go, an admin removes what is left
        as(keptToken).delete("/v2.0/ports/{id}", othersPort).then().statusCode(204);
        as(admin()).delete("/v2.0/networks/{id}", shared).then().statusCode(204);
    }

    /** Events naming no usable project are logged and ignored: the handler completes, so the consumer moves on. */
    @Test
    void eventsWithoutAUsableProjectAreIgnoredNotRetried() throws Throwable {
        String victim = newProject();
        String net = Fixtures.network(member(victim));
        ObjectNode noId = JSON.createObjectNode().put("name", "x");
        List<StratoEvent> bad = List.of(
                event(null, JSON.createObjectNode().put("id", "p-\u0000-" + victim)),
                event("p-\u0000", JSON.createObjectNode().put("id", "p-\u0000")),
                event(null, JSON.createObjectNode().put("id", "p".repeat(65))),
                event(null, JSON.createObjectNode().put("id", "  ")),
                event(null, JSON.createObjectNode().put("id", "")),
                event(null, noId),
                event(null, null));
        for (StratoEvent e : bad) {
            handle(e);
        }
        as(member(victim)).get("/v2.0/networks/{id}", net).then().statusCode(200);
        // an id that is not a string: the subject (the project's id, as identity writes it) is used
        ObjectNode odd = JSON.createObjectNode();
        odd.putObject("id").put("nested", victim);
        handle(event(victim, odd));
        as(admin()).get("/v2.0/networks/{id}", net).then().statusCode(404);
    }

    // ---- what a project has ----

    /** The resources of one project, made through the API as its member (and the admin where needed). */
    private record Project(String network, String subnet, String port, String groupedPort, String group, String rule,
                           String defaultGroup, String router, String fip, String spareFip, String pool,
                           String pooledSubnet, String token) {
        List<String[]> resources() {
            return List.of(new String[] {"networks", network}, new String[] {"subnets", subnet},
                    new String[] {"subnetpools", pool}, new String[] {"subnets", pooledSubnet},
                    new String[] {"ports", port}, new String[] {"ports", groupedPort},
                    new String[] {"security-groups", group}, new String[] {"security-groups", defaultGroup},
                    new String[] {"security-group-rules", rule}, new String[] {"routers", router},
                    new String[] {"floatingips", fip}, new String[] {"floatingips", spareFip});
        }

        String routerGatewayPort() {
            return as(admin()).get("/v2.0/ports?device_id={r}&device_owner=network:router_gateway", router)
                    .then().statusCode(200).extract().path("ports[0].id");
        }
    }

    /**
     * A network and subnet, a port in the default group and one in a group of its own (with a rule
     * admitting its own members), a router joining the subnet to the external network, a floating IP on
     * the first port and a spare one, tags on each, quota overrides.
     */
    private static Project build(String project, String external, String cidr) {
        String token = member(project);
        var net = L3Fixture.network(token, cidr);
        String port = Fixtures.port(token, net.id());
        String group = as(token).body(Map.of("security_group", Map.of("name", "web")))
                .post("/v2.0/security-groups").then().statusCode(201).extract().path("security_group.id");
        String rule = rule(token, group, group);
        String grouped = as(token).body(Map.of("port", Map.of("network_id", net.id(), "security_groups", List.of(group))))
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
        String defaultGroup = as(token).get("/v2.0/security-groups?name=default").then().statusCode(200)
                .extract().path("security_groups[0].id");
        String router = L3Fixture.gatewayRouter(token, net.subnetId(), external);
        String fip = as(token).body(Map.of("floatingip", Map.of("floating_network_id", external, "port_id", port)))
                .post("/v2.0/floatingips").then().statusCode(201).extract().path("floatingip.id");
        String spare = as(token).body(Map.of("floatingip", Map.of("floating_network_id", external)))
                .post("/v2.0/floatingips").then().statusCode(201).extract().path("floatingip.id");
        for (String[] r : List.of(new String[] {"networks", net.id()}, new String[] {"subnets", net.subnetId()},
                new String[] {"ports", port}, new String[] {"security-groups", group}, new String[] {"routers", router},
                new String[] {"floatingips", fip})) {
            as(token).put("/v2.0/" + r[0] + "/{id}/tags/{tag}", r[1], "owner-" + project).then().statusCode(201);
        }
        as(admin()).body(Map.of("quota", Map.of("network", 9, "port", 40))).put("/v2.0/quotas/{p}", project)
                .then().statusCode(200);
        // a subnet pool with a subnet allocated from it: the subnet goes first, then the pool
        String pool = as(token).body(Map.of("subnetpool", Map.of("name", "pool", "prefixes", List.of("10.90.0.0/16"))))
                .post("/v2.0/subnetpools").then().statusCode(201).extract().path("subnetpool.id");
        String pooled = as(token).body(Map.of("subnet", Map.of("network_id", Fixtures.network(token), "subnetpool_id", pool,
                        "prefixlen", 24)))
                .post("/v2.0/subnets").then().statusCode(201).extract().path("subnet.id");
        return new Project(net.id(), net.subnetId(), port, grouped, group, rule, defaultGroup, router, fip, spare, pool,
                pooled, token);
    }

    private static String rule(String token, String group, String remoteGroup) {
        return as(token).body(Map.of("security_group_rule", Map.of("security_group_id", group, "direction", "ingress",
                        "ethertype", "IPv4", "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                        "remote_group_id", remoteGroup)))
                .post("/v2.0/security-group-rules").then().statusCode(201).extract().path("security_group_rule.id");
    }

    private static void assertKeptProjectIntact(Project q, String kept) throws Throwable {
        for (String[] r : q.resources()) {
            as(q.token).get("/v2.0/" + r[0] + "/{id}", r[1]).then().statusCode(200);
        }
        for (String[] r : List.of(new String[] {"networks", q.network}, new String[] {"ports", q.port},
                new String[] {"routers", q.router}, new String[] {"floatingips", q.fip})) {
            as(q.token).get("/v2.0/" + r[0] + "/{id}/tags", r[1]).then().statusCode(200)
                    .body("tags", contains("owner-" + kept));
        }
        as(q.token).get("/v2.0/floatingips/{id}", q.fip).then().statusCode(200)
                .body("floatingip.port_id", equalTo(q.port)).body("floatingip.router_id", equalTo(q.router))
                .body("floatingip.status", equalTo("ACTIVE"));
        as(q.token).get("/v2.0/ports/{id}", q.groupedPort).then().body("port.security_groups", contains(q.group));
        as(admin()).get("/v2.0/quotas/{p}", kept).then().statusCode(200)
                .body("quota.network", equalTo(9)).body("quota.port", equalTo(40));
        assertEquals(1, count("SELECT count(*) FROM router_interface WHERE router_id = CAST(:v AS uuid)", q.router));
    }

    private static void assertProjectGone(String project) throws Throwable {
        for (String table : PROJECT_TABLES) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE project_id = :v", project),
                    table + " rows of the deleted project (a default security group re-created would show here)");
        }
    }

    private static String address(String port) {
        return as(admin()).get("/v2.0/ports/{id}", port).then().statusCode(200).extract().path("port.fixed_ips[0].ip_address");
    }

    private static String floatingAddress(String fip) {
        return as(admin()).get("/v2.0/floatingips/{id}", fip).then().statusCode(200)
                .extract().path("floatingip.floating_ip_address");
    }

    // ---- the event, as identity publishes it ----

    /** What identity's ProjectService writes to its outbox when a project is deleted. */
    private static byte[] identityEvent(UUID id, String project) {
        return CloudEventCodec.encode(id, ProjectDeletedEventHandler.TYPE, "/identity", project, OffsetDateTime.now(),
                "{\"id\": \"" + project + "\", \"name\": \"n-" + project + "\", \"domain_id\": \"default\", \"enabled\": true}");
    }

    /** As identity's outbox relay: topic strato.identity, key = subject, structured-mode content type. */
    private static void publish(String key, byte[] event) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>("strato.identity", key, event);
            r.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until this service's consumer has committed its handling of the event. */
    private static void awaitProcessed(UUID event) {
        String group = ConfigProvider.getConfig().getValue("strato.events.group", String.class);
        await("event " + event + " handled").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> processed(event, group));
    }

    private static boolean processed(UUID event, String group) throws Exception {
        try {
            return count("SELECT count(*) FROM strato_processed_event WHERE id = CAST(:v AS uuid) AND consumer = :w",
                    event.toString(), group) == 1;
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new Exception(t);
        }
    }

    private static StratoEvent event(String subject, ObjectNode data) {
        return new StratoEvent(UUID.randomUUID(), ProjectDeletedEventHandler.TYPE, "/identity", subject,
                OffsetDateTime.now(), data);
    }

    /** Runs the handler as the kit's consumer does: on a Vert.x context, in a transaction. */
    private void handle(StratoEvent e) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> handler.handle(e)));
    }

    // ---- the database ----

    private static long deletedEvents(String kind, String id) throws Throwable {
        return count("SELECT count(*) FROM strato_outbox WHERE type = :v AND subject = :w",
                "strato.network." + kind + ".deleted.v1", id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastEvent(String type, String subject) throws Throwable {
        List<String> payloads = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT CAST(payload AS text) FROM strato_outbox WHERE type = :t AND subject = :s "
                                + "ORDER BY seq DESC", String.class)
                        .setParameter("t", type).setParameter("s", subject).getResultList())));
        assertTrue(!payloads.isEmpty(), "no " + type + " about " + subject);
        return JSON.readValue(payloads.get(0), HashMap.class);
    }

    private static long count(String sql, String... values) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> bind(s.createNativeQuery(sql, Long.class), values).getSingleResult())));
    }

    private static Set<String> strings(String sql, String... values) throws Throwable {
        List<String> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .flatMap(s -> bind(s.createNativeQuery(sql, String.class), values).getResultList())));
        return new HashSet<>(new ArrayList<>(rows));
    }

    private static <T> org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<T> bind(
            org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<T> q, String... values) {
        if (values.length > 0) {
            q.setParameter("v", values[0]);
        }
        if (values.length > 1) {
            q.setParameter("w", values[1]);
        }
        return q;
    }
}
