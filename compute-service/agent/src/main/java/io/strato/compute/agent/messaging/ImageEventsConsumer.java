package io.strato.compute.agent.messaging;

import java.util.List;
import java.time.Duration;
import io.strato.kit.events.StratoEvent;
import io.strato.kit.events.ConsumerLoop;
import io.strato.kit.events.CloudEventCodec;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.instances.InstanceStore;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Evicts cached images deleted in image-service: consumes {@code strato.image} in the host's own group
 * ({@code agent-<host>-images}, so every host sees every deletion) and hands
 * {@code strato.image.image.deleted.v1} to the cache, which keeps images instances still use until
 * their last instance is deleted.
 */
public final class ImageEventsConsumer extends ConsumerLoop {

    private static final Duration POLL = Duration.ofMillis(200);

    private static final Logger LOG = Logger.getLogger(ImageEventsConsumer.class);
    public static final String TOPIC = "strato.image";
    public static final String IMAGE_DELETED = "strato.image.image.deleted.v1";

    private final ImageCache cache;
    private final InstanceStore instances;

    public ImageEventsConsumer(String host, Supplier<KafkaConsumer<String, byte[]>> factory, ImageCache cache,
            InstanceStore instances) {
        super("agent-images-" + host, factory, List.of(TOPIC), POLL);
        this.cache = cache;
        this.instances = instances;
    }

    @Override
    protected void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record);
        }
        try {
            consumer.commitSync();
        } catch (KafkaException e) {
            LOG.warnf("image event offset commit failed: %s", e.getMessage());
        }
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        StratoEvent event;
        try {
            event = CloudEventCodec.decode(record.value());
        } catch (CloudEventCodec.MalformedEvent e) {
            return;
        }
        if (!IMAGE_DELETED.equals(event.type())) {
            return;
        }
        String id = event.subject() != null ? event.subject() : event.data().path("id").asText(null);
        try {
            cache.evict(UUID.fromString(id), instances.imagesInUse());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("image deleted event %s names no image id", event.id());
        } catch (RuntimeException e) {
            // the file stays cached; this deletion is not retried
            LOG.errorf(e, "could not evict deleted image %s from the cache", id);
        }
    }
}
