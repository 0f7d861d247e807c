package io.strato.compute.agent.health;

import io.strato.compute.agent.config.AgentConfig;
import io.strato.compute.agent.messaging.KafkaReportSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Kafka acknowledged a report recently: heartbeats go out every interval, so three missed
 * acknowledgements in a row mean the agent cannot reach compute-service.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaReportSink reports;
    private final Duration window;

    public KafkaReadiness(KafkaReportSink reports, AgentConfig config) {
        this.reports = reports;
        Duration three = config.heartbeatInterval().multipliedBy(3);
        this.window = three.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : three;
    }

    @Override
    public HealthCheckResponse call() {
        Instant last = reports.lastAcknowledged();
        boolean up = last.isAfter(Instant.now().minus(window));
        return HealthCheckResponse.named("kafka").withData("last-acknowledged-report", last.toString())
                .status(up).build();
    }
}
