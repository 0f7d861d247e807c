package io.strato.identity.revocations;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.testing.LocalKafka;
import io.strato.kit.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real identity-service processes (the packaged jar) on one database: a token revoked on
 * instance A is refused by instance B, which validates tokens locally and can only have learnt of
 * the revocation from the Kafka event (it reads revocations from the database only at start-up).
 */
class RevocationAcrossInstancesIT {
    private static final String PASSWORD = "it-admin-secret";
    private static final int PORT_A = 15101;
    private static final int PORT_B = 15102;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Process> PROCESSES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestDatabase db = new TestDatabase("127.0.0.1", 5432, "postgres", "", "identity_it");
        db.ensureExists();
        // the tests' broker, not a cloud's: the two instances' events must not reach a cloud running beside them
        new LocalKafka(LocalKafka.TEST_BOOTSTRAP).ensureRunning();
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "run after package: " + jar.toAbsolutePath());
        // A first, alone: it migrates the schema and bootstraps; then B.
        PROCESSES.add(start(jar, db, PORT_A, "a"));
        awaitReady(PORT_A);
        PROCESSES.add(start(jar, db, PORT_B, "b"));
        awaitReady(PORT_B);
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(Process::destroy);
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedByTheOtherWithinTwoSeconds() throws Exception {
        String admin = issue(PORT_A);
        String victim = issue(PORT_A);
        assertEquals(200, get(PORT_B, "/v3/auth/projects", victim), "B accepts the fresh token");
        HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_A + "/v3/auth/tokens"))
                .header("X-Auth-Token", admin).header("X-Subject-Token", victim).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, revoked.statusCode());
        await("B refuses the revoked token").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(PORT_B, "/v3/auth/projects", victim), equalTo(401));
        assertEquals(200, get(PORT_B, "/v3/auth/projects", admin), "B still accepts the other token");
    }

    private static Process start(Path jar, TestDatabase db, int port, String name) throws IOException {
        File log = new File("target/identity-it-" + name + ".log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                // each its own management port (the kit's default, 9101, is one per machine: two instances, or a
                // cloud's identity-service beside the test, would make the second fail to start)
                "-Dquarkus.management.port=" + (port + 1000),
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + db.name(),
                "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(),
                "-Dkafka.bootstrap.servers=" + LocalKafka.TEST_BOOTSTRAP,
                "-Dquarkus.oidc.auth-server-url=http://127.0.0.1:" + port + "/v3/OS-OIDC",
                "-Dstrato.identity.internal-url=http://127.0.0.1:" + port,
                "-Dstrato.identity.bootstrap.admin-password=" + PASSWORD,
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log);
        return pb.start();
    }

    private static void awaitReady(int port) {
        await("identity-service on port " + port + " ready (else see target/identity-it-*.log)")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .until(() -> get(port, "/q/health/ready", null), equalTo(200));
    }

    private static String issue(int port) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                + "\"domain\":{\"id\":\"default\"},\"password\":\"" + PASSWORD + "\"}}},"
                + "\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static int get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
