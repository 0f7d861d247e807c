package io.strato.network.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** With a width of two, a project's creates enter two at a time, in arrival order; other projects are not held up. */
class ProjectQueueTest {

    @Test
    void atMostTwoOfAProjectRunAndTheRestFollowInOrder() {
        ProjectQueue queue = new ProjectQueue(2);
        AtomicInteger running = new AtomicInteger();
        List<Integer> started = new ArrayList<>();
        List<CompletableFuture<String>> gates = new ArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            CompletableFuture<String> gate = new CompletableFuture<>();
            gates.add(gate);
            results.add(queue.run("p", () -> {
                started.add(n);
                running.incrementAndGet();
                return Uni.createFrom().completionStage(gate).onTermination().invoke(() -> running.decrementAndGet());
            }).subscribeAsCompletionStage());
        }
        assertEquals(List.of(0, 1), started);
        assertEquals(5, queue.load("p"));
        CompletableFuture<String> other = queue.run("q", () -> Uni.createFrom().item("other")).subscribeAsCompletionStage();
        assertEquals("other", other.join());

        gates.get(1).complete("one");
        assertEquals(List.of(0, 1, 2), started);
        gates.get(0).completeExceptionally(new IllegalStateException("failed create"));
        assertEquals(List.of(0, 1, 2, 3), started);
        gates.get(2).complete("two");
        gates.get(3).complete("three");
        gates.get(4).complete("four");
        assertEquals(List.of(0, 1, 2, 3, 4), started);
        assertEquals("four", results.get(4).join());
        assertEquals(0, running.get());
        assertEquals(0, queue.load("p"));
    }
}
