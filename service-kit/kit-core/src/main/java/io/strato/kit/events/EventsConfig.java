package io.strato.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the event backbone; every key can also be set as an environment variable. */
@ConfigMapping(prefix = "strato.events")
public interface EventsConfig {

    /** Kafka bootstrap servers used by the relay and the consumers; defaults to {@code kafka.bootstrap.servers}. */
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    /** CloudEvents {@code source} of the events this service writes, e.g. {@code /identity}. */
    @WithDefault("/${quarkus.application.name:strato}")
    String source();

    /** Kafka consumer group of this service's {@link EventHandler}s, e.g. {@code identity}; also the consumer name in {@code strato_processed_event}. */
    @WithDefault("${quarkus.application.name:strato}")
    String group();

    /** Outbox relay settings. */
    Relay relay();

    /** Consumer settings. */
    Consumer consumer();

    /** The relay that publishes {@code strato_outbox} rows to Kafka. */
    interface Relay {

        /** Whether this instance runs the relay (several instances may run it at once). */
        @WithDefault("true")
        boolean enabled();

        /** Pause between two relay rounds (the relay has its own thread; sub-second values are fine). */
        @WithDefault("0.2s")
        Duration interval();

        /** At most this many rows are locked and sent per round. */
        @WithDefault("100")
        int batchSize();

        /** How long a producer call may block waiting for the broker (Kafka {@code max.block.ms}). */
        @WithDefault("3s")
        Duration maxBlock();

        /** How long the producer keeps retrying one record before the relay records a failure (Kafka {@code delivery.timeout.ms}). */
        @WithDefault("10s")
        Duration deliveryTimeout();

        /** Back-off after the first failed attempt of a row; doubled per attempt. */
        @WithDefault("0.5s")
        Duration initialBackoff();

        /** Longest back-off between two attempts of a row. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Published rows older than this are deleted. */
        @WithDefault("24h")
        Duration retention();
    }

    /** The group consumer ({@link EventHandler}) and the broadcast consumer ({@link BroadcastListener}). */
    interface Consumer {

        /** Whether this instance starts the consumers at all (they also stay off when no handler or listener exists). */
        @WithDefault("true")
        boolean enabled();

        /** Longest wait of one Kafka poll; bounds delivery latency of broadcast events and shutdown time. */
        @WithDefault("0.2s")
        Duration pollTimeout();

        /** Longest time one handler transaction may take before it counts as failed. */
        @WithDefault("30s")
        Duration handleTimeout();

        /** Longest back-off before a failed event is handled again. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Rows of {@code strato_processed_event} older than this are deleted (keep it above the topics' Kafka retention). */
        @WithDefault("720h")
        Duration processedRetention();
    }
}
