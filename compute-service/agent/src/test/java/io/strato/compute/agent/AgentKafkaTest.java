package io.strato.compute.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.kit.events.CloudEventCodec;
import io.strato.compute.agent.messaging.ImageEventsConsumer;
import io.strato.kit.events.KafkaClients;
import io.strato.compute.agent.testing.AgentTestResource;
import io.strato.compute.agent.testing.ImageServerStub;
import io.strato.compute.agent.testing.LocalBroker;
import io.strato.compute.agent.testing.ReportsProbe;
import io.strato.compute.agent.testing.ReportsProbe.Received;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent application end to end through the real broker: commands as compute-service's outbox
 * writes them on the host's topic, reports read from strato.compute.reports as compute-service's kit
 * consumer reads them.
 */
@QuarkusTest
@WithTestResource(AgentTestResource.class)
class AgentKafkaTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static KafkaProducer<String, byte[]> commands;

    @Inject
    LibvirtHost libvirt;

    @Inject
    ImageCache images;

    ReportsProbe reports;

    @BeforeEach
    void probe() {
        reports = new ReportsProbe(LocalBroker.BOOTSTRAP);
        if (commands == null) {
            commands = KafkaClients.producer(LocalBroker.BOOTSTRAP, "agent-test-commands", java.time.Duration.ofSeconds(3),
                    java.time.Duration.ofSeconds(10), java.time.Duration.ZERO);
        }
    }

    @AfterEach
    void closeProbe() {
        reports.close();
    }

    @AfterAll
    static void closeProducer() {
        if (commands != null) {
            commands.close();
            commands = null;
        }
    }

    static void send(String name, UUID serverId, Object command) throws Exception {
        commands.send(CloudEventCodec.record(Topics.host(AgentTestResource.host), UUID.randomUUID(),
                Topics.commandType(name), "/compute", serverId.toString(), OffsetDateTime.now(), Json.MAPPER.valueToTree(command)))
                .get(10, TimeUnit.SECONDS);
    }

    static JsonNode data(Received r) {
        return CloudEventCodec.decode(r.event() == null ? null : new io.cloudevents.jackson.JsonFormat().serialize(r.event()))
                .data();
    }

    Received result(UUID commandId) {
        return reports.await(r -> r.event().getType().equals(Topics.reportType(Reports.COMMAND_RESULT))
                && data(r).path("command_id").asText().equals(commandId.toString()), WAIT);
    }

    Commands.Spawn spawnCommand(UUID serverId) {
        ImageServerStub stub = AgentTestResource.images;
        UUID image = stub.add(ImageServerStub.qcow2(AgentTestResource.scratch(), "32M"), "qcow2");
        Commands.Flavor flavor = new Commands.Flavor("1", "m1.tiny", 1, 512, 1, 0, 0,
                Map.of("quota:cpu_shares", "1024", "quota:vif_outbound_average", "1000"));
        Commands.Port port = new Commands.Port(UUID.randomUUID(), UUID.randomUUID(), "fa:16:3e:00:00:09", 1500,
                List.of("10.0.0.9"));
        return new Commands.Spawn(UUID.randomUUID(), serverId, "project-1", "user-1", "kafka-vm", flavor,
                stub.image(image, Map.of()), List.of(port), null, null, Map.of());
    }

    @Test
    void heartbeatReportsTheSimulatedHostsInventory() {
        Received r = reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.HOST))
                && AgentTestResource.host.equals(x.key()), WAIT);
        assertEquals("application/cloudevents+json", r.contentType());
        assertEquals("/compute-agent/" + AgentTestResource.host, r.event().getSource().toString());
        assertEquals(AgentTestResource.host, r.event().getSubject());
        JsonNode host = data(r);
        assertEquals(AgentTestResource.host, host.path("host").asText());
        assertEquals("nova", host.path("availability_zone").asText());
        assertEquals(32, host.path("vcpus").asInt());
        assertEquals(64 * 1024 - 512, host.path("memory_mb").asLong(), "64 GiB less the 512 MB host reserve");
        assertEquals(500, host.path("local_gb").asLong());
        assertEquals("TEST", host.path("hypervisor_type").asText());
        assertEquals("x86_64", host.path("cpu_arch").asText(), "the model of the host XML");
        assertTrue(host.path("at").isTextual(), "times are ISO-8601 strings");
    }

    @Test
    void spawnOnTheHostTopicIsAnsweredWithARunningCommandResult() throws Exception {
        UUID serverId = UUID.randomUUID();
        Commands.Spawn spawn = spawnCommand(serverId);
        send(Commands.SPAWN, serverId, spawn);
        Received r = result(spawn.commandId());
        assertEquals("application/cloudevents+json", r.contentType());
        assertEquals(serverId.toString(), r.key());
        assertEquals(serverId.toString(), r.event().getSubject());
        JsonNode result = data(r);
        assertTrue(result.path("success").asBoolean(), result.toString());
        assertEquals(Commands.SPAWN, result.path("command").asText());
        assertEquals(Reports.RUNNING, result.path("power_state").asInt());
        assertEquals(AgentTestResource.host, result.path("host").asText());
        assertEquals(DomainPower.RUNNING, libvirt.domain(serverId).orElseThrow().power());

        // the next heartbeat lists the server
        reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.HOST))
                && data(x).path("server_ids").toString().contains(serverId.toString()), WAIT);

        // delivered again (at-least-once): the same outcome, still one domain
        send(Commands.SPAWN, serverId, spawn);
        UUID again = spawn.commandId();
        reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.COMMAND_RESULT))
                && data(x).path("command_id").asText().equals(again.toString())
                && data(x).path("message").asText().contains("exists already"), WAIT);
        assertEquals(1, libvirt.domains().stream().filter(d -> d.serverId().equals(serverId)).count());
    }

    @Test
    void aDomainThatStopsBehindTheAgentsBackIsReportedAsDrift() throws Exception {
        UUID serverId = UUID.randomUUID();
        Commands.Spawn spawn = spawnCommand(serverId);
        send(Commands.SPAWN, serverId, spawn);
        assertTrue(data(result(spawn.commandId())).path("success").asBoolean());
        libvirt.destroy(serverId);
        Received drift = reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.SERVER_STATE))
                && serverId.toString().equals(x.key()), WAIT);
        assertEquals(Reports.SHUTDOWN, data(drift).path("power_state").asInt());
        assertTrue(data(drift).path("domain_exists").asBoolean());
    }

    @Test
    void consoleOutputSendsTheTextThenTheResult() throws Exception {
        UUID serverId = UUID.randomUUID();
        Commands.Spawn spawn = spawnCommand(serverId);
        send(Commands.SPAWN, serverId, spawn);
        result(spawn.commandId());
        UUID commandId = UUID.randomUUID();
        send(Commands.CONSOLE_OUTPUT, serverId, new Commands.ConsoleOutput(commandId, serverId, 10));
        Received output = reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.CONSOLE_OUTPUT))
                && data(x).path("command_id").asText().equals(commandId.toString()), WAIT);
        assertEquals("", data(output).path("output").asText());
        JsonNode result = data(result(commandId));
        assertTrue(result.path("success").asBoolean());
        assertTrue(result.path("message").asText().contains("test driver"));
    }

    @Test
    void aMalformedCommandIsAnsweredWithAFailureNotSilence() throws Exception {
        UUID serverId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        send(Commands.REBOOT, serverId, Map.of("command_id", commandId.toString(), "server_id", serverId.toString(),
                "hard", "not-a-boolean"));
        JsonNode result = data(result(commandId));
        assertFalse(result.path("success").asBoolean());
        assertTrue(result.path("message").asText().startsWith("malformed reboot command"), result.toString());
        assertEquals(Reports.NOSTATE, result.path("power_state").asInt());
    }

    @Test
    void anImageDeletedInImageServiceLeavesTheCacheOnceNoServerUsesIt() throws Exception {
        UUID serverId = UUID.randomUUID();
        Commands.Spawn spawn = spawnCommand(serverId);
        UUID imageId = spawn.image().id();
        send(Commands.SPAWN, serverId, spawn);
        assertTrue(data(result(spawn.commandId())).path("success").asBoolean());
        assertTrue(images.cached(imageId));

        // the image-events consumer joins its group at start; publish until it has seen one (eviction is idempotent)
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).pollInSameThread().until(() -> {
            if (Files.exists(images.path(imageId).resolveSibling(imageId + ".deleted"))) {
                return true;
            }
            imageDeleted(imageId);
            return false;
        });
        assertTrue(images.cached(imageId), "a running server's disk is backed by it: kept");

        UUID deleteId = UUID.randomUUID();
        send(Commands.DELETE, serverId, new Commands.Delete(deleteId, serverId));
        assertTrue(data(result(deleteId)).path("success").asBoolean());
        assertFalse(images.cached(imageId), "evicted with its last server");
    }

    static void imageDeleted(UUID imageId) throws Exception {
        commands.send(CloudEventCodec.record(ImageEventsConsumer.TOPIC, UUID.randomUUID(), ImageEventsConsumer.IMAGE_DELETED,
                "/image", imageId.toString(), OffsetDateTime.now(), Json.MAPPER.valueToTree(Map.of("id", imageId.toString()))))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void readyWhenLibvirtAndKafkaAre() {
        reports.await(x -> x.event().getType().equals(Topics.reportType(Reports.HOST))
                && AgentTestResource.host.equals(x.key()), WAIT);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'libvirt' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }
}
