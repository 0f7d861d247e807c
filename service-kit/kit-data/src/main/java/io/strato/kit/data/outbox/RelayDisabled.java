package io.strato.kit.data.outbox;

import io.strato.kit.events.EventsConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the relay's scheduled jobs when {@code strato.events.relay.enabled=false}. */
@Singleton
class RelayDisabled implements Scheduled.SkipPredicate {

    private final EventsConfig config;

    RelayDisabled(EventsConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.relay().enabled();
    }
}
