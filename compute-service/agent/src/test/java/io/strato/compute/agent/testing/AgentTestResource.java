package io.strato.compute.agent.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the agent application as a fresh simulated host: its own host name (so its command topic and
 * consumer groups are new), host XML, instance and cache directories, an image server stub, and the
 * local Kafka broker.
 */
public class AgentTestResource implements QuarkusTestResourceLifecycleManager {

    /** The running stub, for tests to add images to. */
    public static volatile ImageServerStub images;
    /** The agent's host name in this test run. */
    public static volatile String host;

    private Path dir;

    @Override
    public Map<String, String> start() {
        String bootstrap = LocalBroker.ensureRunning();
        try {
            dir = Files.createTempDirectory("agent-app-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        images = ImageServerStub.start();
        host = "test-host-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", bootstrap),
                Map.entry("strato.agent.host", host),
                Map.entry("strato.agent.libvirt-uri", SimulatedHost.write(dir)),
                Map.entry("strato.agent.instance-directory", dir.resolve("instances").toString()),
                Map.entry("strato.agent.image-cache-directory", dir.resolve("cache").toString()),
                Map.entry("strato.agent.image-url", images.url()),
                Map.entry("strato.agent.service-auth.url", images.identityUrl()),
                Map.entry("strato.agent.service-auth.password", ImageServerStub.PASSWORD),
                Map.entry("strato.agent.disk-gb", "500"),
                Map.entry("strato.agent.heartbeat-interval", "1s"),
                Map.entry("strato.agent.reconcile-interval", "1s"),
                Map.entry("strato.agent.shutdown-timeout", "2s"));
    }

    @Override
    public void stop() {
        if (images != null) {
            images.close();
        }
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files; the OS cleans up
            }
        }
    }

    public static Path scratch() {
        try {
            return Files.createTempDirectory("agent-app-scratch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
