package io.strato.kit.data.events.outage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a {@link ScratchKafka} and points the kit's relay and consumers at its advertised port,
 * where the test itself opens and closes a {@link TcpForwarder}.
 */
public class ScratchKafkaResource implements QuarkusTestResourceLifecycleManager {

    private ScratchKafka kafka;

    @Override
    public Map<String, String> start() {
        try {
            kafka = new ScratchKafka(Path.of("target", "scratch-kafka-" + UUID.randomUUID()).toAbsolutePath());
            kafka.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the scratch Kafka broker: " + e.getMessage(), e);
        }
        return Map.of(
                "strato.events.bootstrap-servers", "127.0.0.1:" + kafka.advertisedPort(),
                "strato.test.scratch-kafka.port", Integer.toString(kafka.port()),
                "strato.test.scratch-kafka.advertised-port", Integer.toString(kafka.advertisedPort()));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
