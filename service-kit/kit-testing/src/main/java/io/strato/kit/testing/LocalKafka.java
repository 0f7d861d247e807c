package io.strato.kit.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Makes sure a Kafka broker answers, starting the tests' own broker with {@code deploy/local/strato
 * test-kafka-up} (on the port of the bootstrap address, the controller on the next one) if needed.
 */
public final class LocalKafka {

    /** The tests' broker, apart from a cloud's (9092), so that tests and a cloud never see each other's messages. */
    public static final String TEST_BOOTSTRAP = "127.0.0.1:19092";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String bootstrap;

    public LocalKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public void ensureRunning() {
        if (answers(Duration.ofSeconds(10))) {
            return;
        }
        Path root = repoRoot(Path.of(System.getProperty("user.dir")));
        Path script = root == null ? null : root.resolve("deploy/local/strato");
        if (script == null || !Files.isExecutable(script)) {
            throw new IllegalStateException("no Kafka broker answers at " + bootstrap
                    + " and deploy/local/strato was not found above " + System.getProperty("user.dir")
                    + ": start one with deploy/local/strato test-kafka-up");
        }
        Path log = root.resolve("target/strato-kafka-up.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(script.toString(), "test-kafka-up").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("STRATO_TEST_KAFKA_PORT", String.valueOf(port()));
            Process p = pb.start();
            if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroy();
                throw new IllegalStateException(script + " test-kafka-up did not finish within " + START_TIMEOUT
                        + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(script + " test-kafka-up failed with exit code " + p.exitValue()
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + " test-kafka-up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
        if (!answers(Duration.ofSeconds(60))) {
            throw new IllegalStateException("deploy/local/strato test-kafka-up succeeded but no broker answers at "
                    + bootstrap + "; see " + log);
        }
    }

    /** Whether a broker answers a metadata request within the timeout. */
    public boolean answers(Duration timeout) {
        if (!portOpen()) {
            return false;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private int port() {
        String first = bootstrap.split(",")[0].trim();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    private boolean portOpen() {
        String first = bootstrap.split(",")[0].trim();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(first.substring(0, first.lastIndexOf(':')), port()), 2000);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The nearest directory at or above {@code start} holding {@code mvnw}, or null. */
    static Path repoRoot(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            if (new File(d.toFile(), "mvnw").isFile()) {
                return d;
            }
        }
        return null;
    }

}
