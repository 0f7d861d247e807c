package io.strato.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the local PostgreSQL and Kafka broker, as {@code deploy/local} runs
 * them: {@code @WithTestResource(StratoInfraResource.class)}.
 *
 * <p>Checks PostgreSQL on {@code 127.0.0.1:5432} answers, creates the test database when missing, and
 * makes sure the tests' own Kafka broker answers on {@code 127.0.0.1:19092} (running {@code
 * deploy/local/strato test-kafka-up} when none does). Fails with a message saying what to start otherwise.
 *
 * <p>Tests never use the cloud's broker (9092): what they publish, such as the reports of simulated hosts,
 * would otherwise reach a cloud running beside them, which would register those hosts (issue 16).
 *
 * <p>Init args (all optional): {@code database} (default {@code <module>_test}, the module directory
 * name without {@code -service}), {@code pg-host} (127.0.0.1), {@code pg-port} (5432), {@code pg-user}
 * (postgres), {@code pg-password} (empty), {@code kafka} ({@link LocalKafka#TEST_BOOTSTRAP}). Environment variables
 * {@code STRATO_PG_HOST}, {@code STRATO_PG_PORT} and {@code STRATO_TEST_KAFKA} override the defaults.
 */
public class StratoInfraResource implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs == null ? Map.of() : initArgs;
    }

    @Override
    public Map<String, String> start() {
        TestDatabase db = new TestDatabase(
                arg("pg-host", "STRATO_PG_HOST", "127.0.0.1"),
                Integer.parseInt(arg("pg-port", "STRATO_PG_PORT", "5432")),
                arg("pg-user", null, "postgres"),
                arg("pg-password", null, ""),
                arg("database", null, TestDatabase.defaultName(System.getProperty("user.dir"))));
        db.ensureExists();
        String kafka = arg("kafka", "STRATO_TEST_KAFKA", LocalKafka.TEST_BOOTSTRAP);
        new LocalKafka(kafka).ensureRunning();

        Map<String, String> config = new HashMap<>(db.quarkusConfig());
        config.put("kafka.bootstrap.servers", kafka);
        config.put("quarkus.kafka.devservices.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // the database and the broker are shared local infrastructure: leave them running
    }

    private String arg(String name, String env, String fallback) {
        String v = args.get(name);
        if (v != null && !v.isBlank()) {
            return v;
        }
        String e = env == null ? null : System.getenv(env);
        return e != null && !e.isBlank() ? e : fallback;
    }
}
