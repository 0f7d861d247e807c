package io.strato.compute.servers;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test gets its own world: a project with a member and a reader, an availability zone with two hosts
 * nobody else schedules to, a flavor, an active image and a network in the stub cloud.
 */
abstract class ServerTestBase {
    static final String SERVERS = "/v2.1/servers";

    @Inject
    DataSource db;

    ServerWorld world;
    String project;
    String user;
    String member;
    String reader;
    String admin;
    String zone;
    String hostA;
    String hostB;
    String flavor;
    UUID image;
    UUID network;
    String networkName;

    @BeforeEach
    void newWorld() {
        world = new ServerWorld(db);
        project = ServerWorld.unique("p");
        user = ServerWorld.unique("u");
        member = TestIdentity.token(user, project, "member", "reader");
        reader = TestIdentity.token(ServerWorld.unique("r"), project, "reader");
        admin = TestIdentity.token("cloud-admin", "admin-project", "admin", "member", "reader");
        zone = ServerWorld.unique("az");
        hostA = world.host(zone, 8, 8192, 100);
        hostB = world.host(zone, 8, 8192, 100);
        flavor = world.flavor(1, 512, 1);
        image = world.image("active", 1024, Map.of("hw_architecture", "x86_64"));
        networkName = ServerWorld.unique("net");
        network = world.network(project, networkName, "10.0.2.");
    }

    RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType("application/json");
    }

    /** A request at microversion 2.{@code minor}; the test is skipped while Strato's MAX is below it. */
    RequestSpecification at(String token, int minor) {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.strato.compute.api.Microversion.MAX.atLeast(minor),
                "2." + minor + " is not served");
        return as(token).header("OpenStack-API-Version", "compute 2." + minor);
    }

    /** A create body in this world's zone; {@code extra} is spliced into the server object. */
    String body(String name, String extra) {
        return """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "%s", "availability_zone": "%s",
                 "networks": [{"uuid": "%s"}]%s}}""".formatted(name, image, flavor, zone, network,
                extra == null || extra.isEmpty() ? "" : ", " + extra);
    }

    Response create(String token, String body) {
        return as(token).body(body).post(SERVERS);
    }

    UUID createAccepted(String name) {
        return UUID.fromString(create(member, body(name, null)).then().statusCode(202).extract().path("server.id"));
    }

    String status(UUID id) {
        return as(member).get(SERVERS + "/" + id).then().statusCode(200).extract().path("server.status");
    }

    String task(UUID id) {
        return as(admin).get(SERVERS + "/" + id).then().statusCode(200).extract().path("server.'OS-EXT-STS:task_state'");
    }

    void awaitStatus(UUID id, String status) {
        String[] last = new String[1];
        try {
            ServerWorld.await("server " + id + " to be " + status, Duration.ofSeconds(30), () -> {
                last[0] = status(id);
                return status.equals(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (last status " + last[0] + ")", e);
        }
    }

    void awaitGone(UUID id) {
        ServerWorld.await("server " + id + " to be deleted", Duration.ofSeconds(30),
                () -> as(member).get(SERVERS + "/" + id).statusCode() == 404);
    }

    String host(UUID id) {
        return as(admin).get(SERVERS + "/" + id).then().statusCode(200).extract().path("server.'OS-EXT-SRV-ATTR:host'");
    }

    /** Creates a server and plays its host's agent until it is ACTIVE; returns its id. */
    UUID active(String name) {
        UUID id = createAccepted(name);
        JsonNodeHost spawn = awaitSpawn(id);
        world.answer(id, Commands.SPAWN, spawn.host(), true, Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        return id;
    }

    record JsonNodeHost(com.fasterxml.jackson.databind.JsonNode command, String host) {
    }

    /** Waits for the spawn command and tells which host it went to. */
    JsonNodeHost awaitSpawn(UUID id) {
        var cmd = world.awaitCommand(id, Commands.SPAWN, null);
        String topic = world.commandTopic(id, Commands.SPAWN);
        return new JsonNodeHost(cmd, topic.substring("strato.compute.host.".length()));
    }
}
