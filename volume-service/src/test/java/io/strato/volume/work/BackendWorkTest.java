package io.strato.volume.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.backend.DriverException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The settle step of the volume and snapshot workers: what the service is told after the driver's work. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class BackendWorkTest {

    /** Reports received, as [result, reason]. */
    final List<List<String>> reports = new ArrayList<>();

    Uni<Void> record(String result, String reason) {
        reports.add(Arrays.asList(result, reason));
        return Uni.createFrom().voidItem();
    }

    @Test
    void theResultIsReportedWithoutAReason() {
        BackendWork.settle("creating x", () -> "/pool/x", this::record);
        assertEquals(List.of(Arrays.asList("/pool/x", null)), reports);
    }

    @Test
    void aDriverFailureIsReportedWithItsReason() {
        BackendWork.settle("creating x", () -> {
            throw new DriverException("disk full");
        }, this::record);
        BackendWork.settle("extending x", () -> {
            throw new DriverException("no space");
        }, why -> record(null, why));
        BackendWork.settle("deleting x", () -> { }, why -> record(null, why));
        assertEquals(List.of(Arrays.asList(null, "disk full"), Arrays.asList(null, "no space"), Arrays.asList(null, null)),
                reports);
    }

    @Test
    void aBugIsNotReportedAsTheDriversReason() {
        assertThrows(IllegalArgumentException.class, () -> BackendWork.settle("creating x", () -> {
            throw new IllegalArgumentException("bug");
        }, this::record));
        assertTrue(reports.isEmpty(), reports.toString());
    }

    @Test
    void startRunsOnAWorkerThreadAndReports() throws Exception {
        CompletableFuture<List<String>> reported = new CompletableFuture<>();
        String caller = Thread.currentThread().getName();
        BackendWork.start("creating x", () -> Thread.currentThread().getName(), (thread, why) -> {
            reported.complete(Arrays.asList(thread, why));
            return Uni.createFrom().voidItem();
        });
        List<String> r = reported.get(10, TimeUnit.SECONDS);
        assertFalse(r.get(0).equals(caller), "ran on the caller's thread " + caller);
        assertNull(r.get(1));
    }
}
