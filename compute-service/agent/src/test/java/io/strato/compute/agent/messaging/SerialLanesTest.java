package io.strato.compute.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialLanesTest {

    @Test
    void oneKeyRunsInOrderEvenAfterAFailure() throws Exception {
        try (SerialLanes lanes = new SerialLanes(4)) {
            List<Integer> seen = new ArrayList<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                all.add(lanes.submit("server-1", () -> {
                    synchronized (seen) {
                        seen.add(n);
                    }
                    if (n == 10) {
                        throw new IllegalStateException("a failing command");
                    }
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 50; i++) {
                assertEquals(i, seen.get(i));
            }
            assertTrue(all.get(10).isCompletedExceptionally());
            // the lane is dropped by a completion callback, just after the last task
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                    .untilAsserted(() -> assertEquals(0, lanes.busyLanes(), "an idle lane is not kept"));
        }
    }

    @Test
    void differentKeysRunSideBySide() throws Exception {
        try (SerialLanes lanes = new SerialLanes(2)) {
            CountDownLatch both = new CountDownLatch(2);
            Runnable meet = () -> {
                both.countDown();
                try {
                    both.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            var a = lanes.submit("server-a", meet);
            var b = lanes.submit("server-b", meet);
            CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
            assertEquals(0, both.getCount(), "the two lanes ran at the same time");
        }
    }
}
