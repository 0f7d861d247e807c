package io.strato.compute.scheduler;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Scheduler and host tests consume events in a group of their own: their database is their own, so
 * events meant for the module's other tests (in the shared test group) must not end up here. They
 * move the heartbeat clock themselves: no periodic probe.
 */
public class SchedulerTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("strato.events.group", "compute-scheduler-test",
                "strato.compute.heartbeat-clock.probe-enabled", "false");
    }
}
