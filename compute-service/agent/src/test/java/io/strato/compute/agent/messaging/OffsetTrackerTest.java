package io.strato.compute.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    final TopicPartition tp = new TopicPartition("strato.compute.host.h", 0);
    final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstUnfinishedRecord() {
        CompletableFuture<Void> r5 = new CompletableFuture<>();
        CompletableFuture<Void> r6 = new CompletableFuture<>();
        CompletableFuture<Void> r7 = new CompletableFuture<>();
        tracker.track(tp, 5, r5);
        tracker.track(tp, 6, r6);
        tracker.track(tp, 7, r7);
        r6.complete(null);
        r7.complete(null);
        assertEquals(Map.of(), tracker.drainCommittable(), "record 5 still runs");
        r5.complete(null);
        assertEquals(Map.of(tp, new OffsetAndMetadata(8)), tracker.drainCommittable());
        assertEquals(0, tracker.inFlight());
    }

    @Test
    void aFailedRecordIsReadAgainAndNothingAfterItIsCommitted() {
        CompletableFuture<Void> r1 = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> r2 = CompletableFuture.failedFuture(new IllegalStateException("stopping"));
        tracker.track(tp, 1, r1);
        tracker.track(tp, 2, r2);
        tracker.track(tp, 3, CompletableFuture.completedFuture(null));
        assertEquals(Map.of(tp, new OffsetAndMetadata(2)), tracker.drainCommittable());
        assertEquals(Map.of(tp, 2L), tracker.drainFailed());
        assertEquals(0, tracker.inFlight());
        tracker.forget(List.of(tp));
    }
}
