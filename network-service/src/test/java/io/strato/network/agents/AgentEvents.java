package io.strato.network.agents;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static org.awaitility.Awaitility.await;

import io.strato.kit.events.CloudEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What a host's network agent sends, published on the real {@code strato.network.agent} topic, and its registration. */
public final class AgentEvents {
    private AgentEvents() {
    }

    public static void publish(String type, String subject, String data, OffsetDateTime at) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>("strato.network.agent", subject,
                    CloudEventCodec.encode(UUID.randomUUID(), type, "/network-agent/test", subject, at, data));
            r.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }

    public static void heartbeat(String host, int ports, OffsetDateTime at) throws Exception {
        publish("strato.network.agent.heartbeat.v1", host, "{\"host\": \"" + host
                + "\", \"tunnel_ip\": \"192.0.2.7\", \"ports\": " + ports + "}", at);
    }

    /** The agent's report that it made the port (ACTIVE). */
    public static void portUp(String port, String host) throws Exception {
        publish("strato.network.agent.port_status.v1", port, "{\"port_id\": \"" + port + "\", \"host\": \"" + host
                + "\", \"status\": \"ACTIVE\"}", OffsetDateTime.now());
    }

    /** The agents listed for {@code host} (the test database keeps other runs' agents). */
    public static List<Map<String, Object>> agentsOf(String host) {
        return as(admin()).queryParam("host", host).get("/v2.0/agents").then().statusCode(200).extract().path("agents");
    }

    /** The agent of {@code host} once its heartbeat with {@code ports} devices is recorded. */
    public static Map<String, Object> awaitAgent(String host, int ports) throws Exception {
        heartbeat(host, ports, OffsetDateTime.now());
        await("agent of " + host + " with " + ports + " devices").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> agentsOf(host).size() == 1
                        && Integer.valueOf(ports).equals(((Map<?, ?>) agentsOf(host).get(0).get("configurations")).get("devices")));
        return agentsOf(host).get(0);
    }

    public static Duration downTime() {
        return ConfigProvider.getConfig().getOptionalValue("strato.network.agent-down-time", Duration.class)
                .orElse(Duration.ofSeconds(75));
    }
}
