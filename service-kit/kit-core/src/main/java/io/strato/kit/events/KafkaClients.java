package io.strato.kit.events;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/** Strato's Kafka clients (services, relay and agents alike); timeouts are short so a down broker never wedges a thread. */
public final class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    private KafkaClients() {
    }

    /** The outbox relay's producer, from {@link EventsConfig}. */
    public static KafkaProducer<String, byte[]> producer(EventsConfig config, String clientId) {
        EventsConfig.Relay relay = config.relay();
        return producer(config.bootstrapServers(), clientId, relay.maxBlock(), relay.deliveryTimeout(),
                Duration.ofMillis(5));
    }

    /**
     * Idempotent, acks=all: a record the broker acknowledged is neither lost nor duplicated by retries.
     *
     * @param maxBlock        how long {@code send} may block for metadata (Kafka {@code max.block.ms})
     * @param deliveryTimeout how long one record is retried before its future fails
     * @param linger          how long to wait for more records of a batch
     */
    public static KafkaProducer<String, byte[]> producer(String bootstrap, String clientId, Duration maxBlock,
            Duration deliveryTimeout, Duration linger) {
        long delivery = deliveryTimeout.toMillis();
        long request = Math.max(1000, Math.min(delivery - 100, delivery / 2));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger.toMillis()));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlock.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(request));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(delivery, request + 5)));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of the service's events, from {@link EventsConfig}: a new group starts at the earliest offset. */
    public static KafkaConsumer<String, byte[]> consumer(EventsConfig config, String groupId, String clientId) {
        return consumer(config.bootstrapServers(), groupId, clientId, "earliest", Map.of());
    }

    /**
     * A group consumer with manual commits.
     *
     * @param offsetReset where a new group starts ({@code earliest}: nothing sent before the first start is lost)
     * @param extra       further consumer settings, e.g. {@code max.poll.interval.ms} for slow handlers
     */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrap, String groupId, String clientId,
            String offsetReset, Map<String, String> extra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "30000");
        p.putAll(extra);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Closes a producer that failed without waiting for what it still holds (it is being replaced); null is fine. */
    public static void discard(KafkaProducer<?, ?> producer) {
        if (producer == null) {
            return;
        }
        try {
            producer.close(Duration.ZERO);
        } catch (KafkaException e) {
            LOG.debug("closing a failed producer", e);
        }
    }
}
