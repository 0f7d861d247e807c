package io.strato.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StratoInfraResourceTest {

    @Test
    void defaultDatabaseNameComesFromTheModuleDirectory() {
        assertEquals("identity_test", TestDatabase.defaultName("/work/main/identity-service"));
        assertEquals("gateway_test", TestDatabase.defaultName("/x/gateway"));
        assertEquals("service_kit_test", TestDatabase.defaultName("/x/service-kit"));
    }

    @Test
    void unsafeDatabaseNamesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TestDatabase("127.0.0.1", 5432, "postgres", "", "x\"; drop database postgres; --"));
    }

    @Test
    void anUnreachablePostgresSaysHowToStartIt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TestDatabase db = new TestDatabase("127.0.0.1", closed, "postgres", "", "nothing_test");
        IllegalStateException e = assertThrows(IllegalStateException.class, db::ensureExists);
        assertTrue(e.getMessage().contains("deploy/local/strato infra-up"), e.getMessage());
    }

    @Test
    void startCreatesTheDatabaseAndReturnsDatasourceAndKafkaSettings() {
        StratoInfraResource r = new StratoInfraResource();
        r.init(Map.of("database", "kit_infra_test"));
        Map<String, String> config = r.start();
        assertEquals("postgresql://127.0.0.1:5432/kit_infra_test", config.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/kit_infra_test", config.get("quarkus.datasource.jdbc.url"));
        // the tests' own broker, never the cloud's on 9092 (issue 16: simulated hosts of the tests reached the cloud)
        assertEquals("127.0.0.1:19092", config.get("kafka.bootstrap.servers"));
        assertTrue(new LocalKafka("127.0.0.1:19092").answers(Duration.ofSeconds(10)), "start() started the test broker");
    }

    @Test
    void aPortWithoutABrokerDoesNotAnswer() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertFalse(new LocalKafka("127.0.0.1:" + closed).answers(Duration.ofSeconds(2)));
        LocalKafka test = new LocalKafka(LocalKafka.TEST_BOOTSTRAP);
        test.ensureRunning();
        assertTrue(test.answers(Duration.ofSeconds(10)));
    }

    @Test
    void repoRootIsTheDirectoryHoldingMvnw() throws Exception {
        Path root = Files.createTempDirectory("repo");
        Path module = Files.createDirectories(root.resolve("identity-service/src"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        assertEquals(root.toAbsolutePath(), LocalKafka.repoRoot(module));
    }
}
