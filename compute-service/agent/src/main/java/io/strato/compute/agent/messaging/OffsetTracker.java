package io.strato.compute.agent.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of records handled out of order (commands of different servers run side by side): an offset is
 * committable only when it and every earlier record of its partition are done, so a crash redelivers
 * everything not yet finished (at-least-once; handlers are idempotent). Used by the polling thread only.
 */
final class OffsetTracker {

    private final Map<TopicPartition, TreeMap<Long, CompletableFuture<Void>>> pending = new HashMap<>();

    void track(TopicPartition tp, long offset, CompletableFuture<Void> done) {
        pending.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, done);
    }

    int inFlight() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    /** What is done: per partition, the offset to commit; removes those records from tracking. */
    Map<TopicPartition, OffsetAndMetadata> drainCommittable() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (var entry : pending.entrySet()) {
            Iterator<Map.Entry<Long, CompletableFuture<Void>>> it = entry.getValue().entrySet().iterator();
            while (it.hasNext()) {
                var head = it.next();
                if (!head.getValue().isDone() || head.getValue().isCompletedExceptionally()) {
                    break;
                }
                commit.put(entry.getKey(), new OffsetAndMetadata(head.getKey() + 1));
                it.remove();
            }
        }
        return commit;
    }

    /** The first record of each partition whose handling failed (it must be read again), removing that partition. */
    Map<TopicPartition, Long> drainFailed() {
        Map<TopicPartition, Long> failed = new HashMap<>();
        for (var entry : pending.entrySet()) {
            var head = entry.getValue().firstEntry();
            if (head != null && head.getValue().isCompletedExceptionally()) {
                failed.put(entry.getKey(), head.getKey());
            }
        }
        failed.keySet().forEach(pending::remove);
        return failed;
    }

    /** Waits up to {@code millis} for the records of these partitions to finish. */
    void awaitAll(Collection<TopicPartition> partitions, long millis) {
        CompletableFuture<?>[] all = partitions.stream().map(pending::get).filter(m -> m != null)
                .flatMap(m -> m.values().stream()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // whatever is unfinished is not committed and comes again
        }
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }
}
