package io.strato.kit.data.events.outage;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a child JVM (Kafka's own jars from the test classpath), private to one
 * test so it can be cut off without touching the tests' shared broker (19092). It advertises
 * {@link #advertisedPort()}, where the test runs a {@link TcpForwarder} to {@link #port()}: every
 * client connection then goes through the forwarder.
 */
final class ScratchKafka implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final int advertisedPort;
    private Process process;

    ScratchKafka(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.controllerPort = freePort();
        this.advertisedPort = freePort();
    }

    int port() {
        return port;
    }

    int advertisedPort() {
        return advertisedPort;
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + advertisedPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true", ""));
        run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", props.toString()),
                dir.resolve("format.log"));
        process = java(List.of("kafka.Kafka", props.toString()), dir.resolve("broker.log")).start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (!listening(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("scratch Kafka did not start; see " + dir.resolve("broker.log"));
            }
            Thread.sleep(200);
        }
    }

    private void run(List<String> args, Path log) throws IOException, InterruptedException {
        Process p = java(args, log).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("scratch Kafka " + args.get(0) + " failed; see " + log);
        }
    }

    private static ProcessBuilder java(List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        deleteTree(dir.toFile());
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
