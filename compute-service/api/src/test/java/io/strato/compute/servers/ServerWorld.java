package io.strato.compute.servers;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.compute.protocol.Reports;
import io.strato.compute.protocol.Topics;
import io.strato.compute.scheduler.HostRows;
import io.strato.kit.events.CloudEventCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The world around the servers under test: hosts, flavors, key pairs, quotas and groups as rows (what the
 * catalog and the agents' host reports would have written), images and networks in {@link StubCloud}, and the
 * agents' answers published to Kafka as real {@link Reports}. Commands sent to agents are read from the outbox.
 */
final class ServerWorld implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static KafkaProducer<String, byte[]> producer;

    private final HostRows rows;
    private final String stub = ConfigProvider.getConfig().getValue("strato-test.stub-url", String.class);

    ServerWorld(DataSource db) {
        this.rows = new HostRows(db);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- compute rows ----------------------------------------------------------------------------

    String host(String zone, int vcpus, long memoryMb, long localGb) {
        String name = unique("srvtest-" + zone);
        update("INSERT INTO compute_host (uuid, host, hypervisor_hostname, availability_zone, vcpus, memory_mb, local_gb, "
                + "cpu_allocation_ratio, ram_allocation_ratio, disk_allocation_ratio, last_heartbeat, heartbeat_clock_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 1.0, 1.0, 1.0, now(), " + HostRows.CLOCK_SQL + ")",
                UUID.randomUUID(), name, name + ".node", zone, vcpus, memoryMb, localGb);
        return name;
    }

    void heartbeat(String host, int ageSeconds) {
        rows.silence(host, ageSeconds);
    }

    /** vcpus_used, memory_mb_used, local_gb_used of a host. */
    long[] used(String host) {
        return longs("SELECT vcpus_used, memory_mb_used, local_gb_used FROM compute_host WHERE host = ?", host).get(0);
    }

    long allocations(UUID server) {
        return longs("SELECT count(*) FROM allocation WHERE server_id = ?", server).get(0)[0];
    }

    /** The allocation of a server on a host: vcpus, memory_mb, disk_gb (zeros when none). */
    long[] allocation(UUID server, String host) {
        List<long[]> rows = longs("SELECT vcpus, memory_mb, disk_gb FROM allocation WHERE server_id = ? AND host = ?", server, host);
        return rows.isEmpty() ? new long[3] : rows.get(0);
    }

    String flavor(int vcpus, int ramMb, int diskGb) {
        String id = unique("srvflavor");
        update("INSERT INTO flavor (id, name, memory_mb, vcpus, root_gb) VALUES (?, ?, ?, ?, ?)", id, id, ramMb, vcpus, diskGb);
        return id;
    }

    void keypair(String userId, String name) {
        update("INSERT INTO keypair (user_id, name, project_id, public_key, fingerprint) VALUES (?, ?, 'p', ?, 'fp')",
                userId, name, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE test@strato");
    }

    void quota(String project, String resource, int limit) {
        update("INSERT INTO quota (project_id, resource, hard_limit) VALUES (?, ?, ?) "
                + "ON CONFLICT (project_id, resource) DO UPDATE SET hard_limit = excluded.hard_limit", project, resource, limit);
    }

    UUID group(String project, String policy) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO server_group (id, project_id, user_id, name, policy) VALUES (?, ?, 'u', 'g', ?)", id, project, policy);
        return id;
    }

    String serverColumn(UUID id, String column) {
        return string("SELECT " + column + "::text FROM server WHERE id = ?", id);
    }

    void setServer(UUID id, String assignment) {
        update("UPDATE server SET " + assignment + " WHERE id = ?", id);
    }

    // ---- the stub cloud -----------------------------------------------------------------------------

    UUID image(String status, long size, Map<String, String> properties) {
        UUID id = UUID.randomUUID();
        ObjectNode image = JSON.createObjectNode().put("id", id.toString()).put("name", "img").put("status", status)
                .put("size", size).put("checksum", "0123456789abcdef0123456789abcdef").put("disk_format", "qcow2")
                .put("container_format", "bare").put("min_disk", 0).put("min_ram", 0).put("visibility", "public");
        properties.forEach(image::put);
        control("images/" + id, image);
        return id;
    }

    UUID network(String project, String name, String prefix) {
        UUID id = UUID.randomUUID();
        control("networks/" + id, JSON.createObjectNode().put("id", id.toString()).put("name", name)
                .put("project_id", project).put("shared", false).put("router:external", false).put("mtu", 1450)
                .put("_prefix", prefix).put("_subnet", UUID.randomUUID().toString()));
        return id;
    }

    UUID securityGroup(String project, String name) {
        UUID id = UUID.randomUUID();
        control("security-groups/" + id, JSON.createObjectNode().put("id", id.toString()).put("name", name)
                .put("project_id", project));
        return id;
    }

    /** A floating IP of the project, not associated. */
    UUID floatingIp(String project, String address) {
        UUID id = UUID.randomUUID();
        control("floatingips/" + id, JSON.createObjectNode().put("id", id.toString()).put("project_id", project)
                .put("floating_ip_address", address).putNull("port_id").putNull("fixed_ip_address"));
        return id;
    }

    /** The floating IP as the stub network-service holds it. */
    JsonNode floatingIp(UUID id) {
        return read(given().baseUri(stub).header("X-Auth-Token", StubCloud.SERVICE_TOKEN).get("/v2.0/floatingips/" + id).then().statusCode(200).extract().asString())
                .path("floatingip");
    }

    /** A port a user made beforehand (no device). */
    UUID userPort(UUID network, String project, String ip) {
        return port(network, project, ip, "", "");
    }

    /** A port compute-service made for the server in a step that then died before it committed. */
    UUID orphanedPort(UUID network, String project, String ip, UUID server) {
        return port(network, project, ip, server.toString(), "compute:nova");
    }

    private UUID port(UUID network, String project, String ip, String device, String owner) {
        UUID id = UUID.randomUUID();
        ObjectNode port = JSON.createObjectNode().put("id", id.toString()).put("network_id", network.toString())
                .put("project_id", project).put("device_id", device).put("device_owner", owner).put("binding:host_id", "")
                .put("mac_address", "fa:16:3e:00:00:99");
        port.putArray("fixed_ips").addObject().put("ip_address", ip).put("subnet_id", "s");
        port.putArray("security_groups");
        control("ports/" + id, port);
        return id;
    }

    /** Every port the stub network-service holds for a device. */
    List<JsonNode> portsOf(UUID device) {
        JsonNode all = read(given().baseUri(stub).get("/_stub/ports").then().statusCode(200).extract().asString());
        List<JsonNode> out = new ArrayList<>();
        all.path("ports").forEach(p -> {
            if (device.toString().equals(p.path("device_id").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    JsonNode port(UUID id) {
        JsonNode all = read(given().baseUri(stub).get("/_stub/ports").then().statusCode(200).extract().asString());
        for (JsonNode p : all.path("ports")) {
            if (id.toString().equals(p.path("id").asText())) {
                return p;
            }
        }
        return null;
    }

    /** An available volume of the project in the stub volume-service, with its type's front-end QoS specs. */
    UUID volume(String project, Map<String, String> qosSpecs) {
        UUID id = UUID.randomUUID();
        ObjectNode v = JSON.createObjectNode().put("id", id.toString()).put("project_id", project)
                .put("status", "available");
        ObjectNode qos = v.putObject("qos_specs");
        qosSpecs.forEach(qos::put);
        control("volumes/" + id, v);
        return id;
    }

    /** Puts the volume in {@code status} at the stub volume-service (without attachments). */
    void volumeInStatus(UUID id, String project, String status) {
        control("volumes/" + id, JSON.createObjectNode().put("id", id.toString()).put("project_id", project)
                .put("status", status));
    }

    /** Whether the stub volume-service no longer has the volume (deleted). */
    boolean volumeGone(UUID id) {
        return given().baseUri(stub).get("/_stub/volumes/" + id).statusCode() == 404;
    }

    /** The stub's volume with {@code _attachments}, the attachments volume-service holds for it. */
    JsonNode volumeState(UUID id) {
        return read(given().baseUri(stub).get("/_stub/volumes/" + id).then().statusCode(200).extract().asString());
    }

    void failVolumeCalls(int n) {
        given().baseUri(stub).post("/_stub/fail-volumes/" + n).then().statusCode(204);
    }

    /** network-service sees the host's network agent as dead: ports bound there come back binding_failed. */
    void networkAgentDead(String host) {
        given().baseUri(stub).post("/_stub/dead-agents/" + host).then().statusCode(204);
    }

    void failPortCalls(int n) {
        given().baseUri(stub).post("/_stub/fail-ports/" + n).then().statusCode(204);
    }

    private void control(String path, JsonNode body) {
        given().baseUri(stub).contentType("application/json").body(body.toString()).put("/_stub/" + path)
                .then().statusCode(204);
    }

    // ---- the agents ---------------------------------------------------------------------------------

    /** The newest command of that name sent to the server's host, or null. */
    JsonNode command(UUID server, String name) {
        String payload = string("SELECT payload::text FROM strato_outbox WHERE subject = ? AND type = ? "
                + "ORDER BY seq DESC LIMIT 1", server.toString(), Topics.commandType(name));
        return payload == null ? null : read(payload);
    }

    String commandTopic(UUID server, String name) {
        return string("SELECT topic FROM strato_outbox WHERE subject = ? AND type = ? ORDER BY seq DESC LIMIT 1",
                server.toString(), Topics.commandType(name));
    }

    long commandCount(UUID server, String name) {
        return longs("SELECT count(*) FROM strato_outbox WHERE subject = ? AND type = ?", server.toString(),
                Topics.commandType(name)).get(0)[0];
    }

    /** Waits for the server's command, then answers it as the host's agent would. */
    UUID answer(UUID server, String name, String host, boolean success, int powerState, String message) {
        JsonNode cmd = awaitCommand(server, name, null);
        UUID commandId = UUID.fromString(cmd.path("command_id").asText());
        publish(Reports.COMMAND_RESULT, server, new Reports.CommandResult(commandId, server, host, name, success,
                powerState, message, Instant.now()));
        return commandId;
    }

    /** Waits for a command of that name other than {@code notThis}. */
    JsonNode awaitCommand(UUID server, String name, UUID notThis) {
        JsonNode[] found = new JsonNode[1];
        await("a " + name + " command for " + server, Duration.ofSeconds(20), () -> {
            found[0] = command(server, name);
            return found[0] != null && (notThis == null || !notThis.toString().equals(found[0].path("command_id").asText()));
        });
        return found[0];
    }

    void publish(String report, UUID subject, Object data) {
        try {
            byte[] value = CloudEventCodec.encode(UUID.randomUUID(), Topics.reportType(report), "/agent-test",
                    subject.toString(), OffsetDateTime.now(), JSON.writeValueAsString(JSON.valueToTree(data)));
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.REPORTS, subject.toString(), value);
            r.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes());
            producer().send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a " + report + " report", e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            p.put("acks", "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    static void await(String what, Duration max, BooleanSupplier condition) {
        try {
            Awaitility.await(what).atMost(max).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // callers (ServerTestBase.awaitStatus) catch and extend an AssertionError
            throw new AssertionError("timed out after " + max + " waiting for " + what, e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int update(String sql, Object... args) {
        return rows.update(sql, args);
    }

    List<long[]> longs(String sql, Object... args) {
        return rows.longs(sql, args);
    }

    String string(String sql, Object... args) {
        return rows.string(sql, args);
    }
}
