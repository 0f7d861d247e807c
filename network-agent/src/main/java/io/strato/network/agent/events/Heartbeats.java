package io.strato.network.agent.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.kit.events.CloudEventCodec;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * Announces this agent on the agents' topic: its host, tunnel address and how many ports it programs (other
 * agents flood VXLAN traffic to the address, network-service knows the host's agent is alive), and which ports
 * it has made (network-service sets them ACTIVE). These are facts about now, not state: no outbox.
 */
public final class Heartbeats {

    private static final Logger LOG = Logger.getLogger(Heartbeats.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String host;
    private final String tunnelIp;
    private final IntSupplier ports;

    public Heartbeats(KafkaProducer<String, byte[]> producer, String topic, String host, String tunnelIp, IntSupplier ports) {
        this.producer = producer;
        this.topic = topic;
        this.host = host;
        this.tunnelIp = tunnelIp;
        this.ports = ports;
    }

    /** {@code strato.network.agent.port_status.v1}: the port is programmed on this host. */
    public void portUp(io.strato.network.agent.model.PortInfo port) {
        ObjectNode data = JSON.createObjectNode();
        data.put("port_id", port.id().toString());
        data.put("host", host);
        data.put("status", "ACTIVE");
        data.put("revision_number", port.revision());
        try {
            producer.send(CloudEventCodec.record(topic, UUID.randomUUID(), "strato.network.agent.port_status.v1",
                    "/network-agent/" + host, port.id().toString(), OffsetDateTime.now(), data));
        } catch (RuntimeException e) {
            LOG.warnf("status of port %s not sent: %s", port.id(), e.getMessage());
        }
    }

    public void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }

    public void send() {
        ObjectNode data = JSON.createObjectNode();
        data.put("host", host);
        data.put("tunnel_ip", tunnelIp);
        data.put("ports", ports.getAsInt());
        try {
            producer.send(CloudEventCodec.record(topic, UUID.randomUUID(), "strato.network.agent.heartbeat.v1",
                    "/network-agent/" + host, host, OffsetDateTime.now(), data));
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat not sent: %s", e.getMessage());
        }
    }
}
