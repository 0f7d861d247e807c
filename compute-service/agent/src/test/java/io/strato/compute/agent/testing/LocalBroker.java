package io.strato.compute.agent.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the tests' own Kafka broker listens on 127.0.0.1:19092, running {@code deploy/local/strato
 * test-kafka-up} when none does (as the service kit's StratoInfraResource does; the agent does not depend on
 * kit-testing). Never the cloud's broker (9092): an agent under test reports a host, which a cloud running
 * beside the tests would register (issue 16).
 */
public final class LocalBroker {

    public static final String BOOTSTRAP = System.getenv().getOrDefault("STRATO_TEST_KAFKA", "127.0.0.1:19092");

    private LocalBroker() {
    }

    public static String ensureRunning() {
        if (listening()) {
            return BOOTSTRAP;
        }
        Path root = null;
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (new File(d.toFile(), "mvnw").isFile()) {
                root = d;
                break;
            }
        }
        if (root == null) {
            throw new IllegalStateException("no Kafka at " + BOOTSTRAP + " and no deploy/local/strato to start one");
        }
        Path log = root.resolve("target/strato-kafka-up.log");
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(root.resolve("deploy/local/strato").toString(), "test-kafka-up")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("STRATO_TEST_KAFKA_PORT", BOOTSTRAP.split(",")[0].split(":")[1]);
            Process p = pb.start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/strato test-kafka-up failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/strato test-kafka-up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return BOOTSTRAP;
    }

    private static boolean listening() {
        String[] hostPort = BOOTSTRAP.split(",")[0].split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
