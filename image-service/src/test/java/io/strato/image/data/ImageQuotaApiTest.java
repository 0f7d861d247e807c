package io.strato.image.data;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Image-count and byte quotas when requests race. The two projects' quotas are set in the test
 * profile: p-quota-count may own 3 images, p-quota-bytes may store 3 MiB.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageQuotaApiTest {
    private static final int MIB = 1024 * 1024;
    private static final String COUNTED = "p-quota-count";
    private static final String SMALL = "p-quota-bytes";
    private static final long SMALL_MAX = 3L * MIB;

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String counted = TestIdentity.token("u-count", COUNTED, "member", "reader");
    private final String small = TestIdentity.token("u-bytes", SMALL, "member", "reader");

    @BeforeEach
    void emptyTheProjects() {
        DataFixtures.removeImagesOf(COUNTED);
        DataFixtures.removeImagesOf(SMALL);
    }

    @Test
    void creatingPastTheImageQuotaIs413InGlancesFormat() {
        for (int i = 0; i < 3; i++) {
            create(counted).then().statusCode(201);
        }
        create(counted).then().spec(fault(413))
                .body("error.code", equalTo(413))
                .body("error.title", equalTo("Request Entity Too Large"))
                .body("error.message", containsString("Maximum number of images exceeded"));
        assertEquals(3, imagesOf(COUNTED));
    }

    @Test
    void ofParallelCreatesWithRoomForOneExactlyOneSucceeds() throws Exception {
        DataFixtures.queuedImage(COUNTED, "raw");
        DataFixtures.queuedImage(COUNTED, "raw");
        URI images = root.toURI().resolve("v2/images");
        List<Integer> codes = parallel(12, i -> http.send(HttpRequest.newBuilder(images)
                .header("X-Auth-Token", counted).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"race-" + i + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        assertEquals(1, codes.stream().filter(c -> c == 201).count(), "created: " + codes);
        assertEquals(11, codes.stream().filter(c -> c == 413).count(), "refused: " + codes);
        assertEquals(3, imagesOf(COUNTED));
    }

    @Test
    void anUploadThatWouldPassTheByteQuotaBesideARunningOneIsRefusedAndKeepsNothing() throws Exception {
        UUID first = DataFixtures.queuedImage(SMALL, "raw");
        UUID second = DataFixtures.queuedImage(SMALL, "raw");
        try (RawUpload upload = RawUpload.start(root, small, first, 2L * MIB)) {
            upload.send(new byte[MIB]);
            DataFixtures.eventually("the first upload is saving", () -> "saving".equals(DataFixtures.status(first)));

            // 2 MiB fits the 3 MiB quota alone, not beside the first upload's 2 MiB
            given().header("X-Auth-Token", small).contentType("application/octet-stream").body(new byte[2 * MIB])
                    .put("/v2/images/{id}/file", second)
                    .then().spec(fault(413))
                    .body("error.message", containsString("quota"));

            assertEquals("HTTP/1.1 204 No Content", upload.send(new byte[MIB]).statusLine());
        }
        assertEquals("active", DataFixtures.status(first));
        assertEquals(2L * MIB, DataFixtures.row(first).get("size"));
        assertRefused(second);
    }

    @Test
    void aChunkedUploadReservesAllThatIsLeftSoASecondOneIsStopped() throws Exception {
        UUID first = DataFixtures.queuedImage(SMALL, "raw");
        UUID second = DataFixtures.queuedImage(SMALL, "raw");
        try (RawUpload upload = RawUpload.startChunked(root, small, first)) {
            upload.send(new byte[MIB]);
            DataFixtures.eventually("the first upload is saving", () -> "saving".equals(DataFixtures.status(first)));

            try (RawUpload other = RawUpload.startChunked(root, small, second)) {
                assertEquals(413, status(other.send(new byte[2 * MIB]).end().statusLine()));
            }

            assertEquals("HTTP/1.1 204 No Content", upload.send(new byte[MIB]).end().statusLine());
        }
        assertEquals(2L * MIB, DataFixtures.row(first).get("size"));
        assertRefused(second);
    }

    @Test
    void parallelUploadsNeverTogetherPassTheByteQuota() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(DataFixtures.queuedImage(SMALL, "raw"));
        }
        byte[] body = new byte[3 * MIB / 2];
        List<Integer> codes = parallel(ids.size(), i -> http.send(HttpRequest.newBuilder(
                        root.toURI().resolve("v2/images/" + ids.get(i) + "/file"))
                .header("X-Auth-Token", small).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        assertEquals(2, codes.stream().filter(c -> c == 204).count(), "stored: " + codes);
        assertEquals(2, codes.stream().filter(c -> c == 413).count(), "refused: " + codes);
        assertTrue(storedBytesOf(SMALL) <= SMALL_MAX, "the project stores " + storedBytesOf(SMALL) + " bytes");
        for (UUID id : ids) {
            if (!"active".equals(DataFixtures.status(id))) {
                assertRefused(id);
            }
        }
    }

    @Test
    void onlyLiveReservationsOfSavingImagesCount() {
        DataFixtures.reservedUpload(SMALL, "saving", SMALL_MAX, -60); // lapsed: its service crashed
        DataFixtures.reservedUpload(SMALL, "queued", SMALL_MAX, 600); // its upload ended
        UUID fits = DataFixtures.queuedImage(SMALL, "raw");
        upload(fits, 2 * MIB).then().statusCode(204);

        DataFixtures.removeImagesOf(SMALL);
        DataFixtures.reservedUpload(SMALL, "saving", 2L * MIB, 600); // a live upload elsewhere
        UUID refused = DataFixtures.queuedImage(SMALL, "raw");
        upload(refused, 2 * MIB).then().spec(fault(413));
        assertRefused(refused);
    }

    @Test
    void aRunningUploadRenewsItsReservation() throws Exception {
        UUID id = DataFixtures.queuedImage(SMALL, "raw");
        try (RawUpload upload = RawUpload.start(root, small, id, 2L * MIB)) {
            upload.send(new byte[MIB]);
            DataFixtures.eventually("the upload holds a reservation", () -> DataFixtures.reservationExpiry(id) != null);
            OffsetDateTime first = DataFixtures.reservationExpiry(id);
            // the test profile's reservations last 10 s and are renewed every 2.5 s
            DataFixtures.eventually("the reservation is renewed", () -> {
                OffsetDateTime now = DataFixtures.reservationExpiry(id);
                return now != null && now.isAfter(first);
            });
            assertEquals("HTTP/1.1 204 No Content", upload.send(new byte[MIB]).statusLine());
        }
        assertNull(DataFixtures.reservationExpiry(id), "a finished upload holds no reservation");
    }

    @Test
    void bytesThatNoLongerFitWhenTheUploadEndsAreRefused() throws Exception {
        UUID id = DataFixtures.queuedImage(SMALL, "raw");
        try (RawUpload upload = RawUpload.start(root, small, id, 2L * MIB)) {
            upload.send(new byte[MIB]);
            DataFixtures.eventually("the upload is saving", () -> "saving".equals(DataFixtures.status(id)));
            // bytes stored behind the reservation's back (as after a reservation lapsed)
            DataFixtures.usedBytes(SMALL, 2L * MIB);

            assertEquals(413, status(upload.send(new byte[MIB]).statusLine()));
        }
        assertRefused(id);
    }

    private void assertRefused(UUID id) {
        assertEquals("queued", DataFixtures.status(id));
        assertNull(DataFixtures.row(id).get("size"));
        assertNull(DataFixtures.reservationExpiry(id), "a refused upload holds no reservation");
        assertTrue(DataFixtures.storedFiles(id).isEmpty(), "no bytes of the refused upload are kept");
    }

    /** The code of status line {@code line} ("HTTP/1.1 413 Request Entity Too Large" → 413). */
    private static int status(String line) {
        return line == null ? -1 : Integer.parseInt(line.split(" ")[1]);
    }

    private static io.restassured.response.Response create(String token) {
        return given().header("X-Auth-Token", token).contentType("application/json")
                .body("{\"name\":\"counted\"}").post("/v2/images");
    }

    private io.restassured.response.Response upload(UUID id, int size) {
        return given().header("X-Auth-Token", small).contentType("application/octet-stream").body(new byte[size])
                .put("/v2/images/{id}/file", id);
    }

    private static long imagesOf(String owner) {
        return DataFixtures.count("select count(*) from image where owner = ?", owner);
    }

    private static long storedBytesOf(String owner) {
        return DataFixtures.count("select coalesce(sum(size), 0) from image where owner = ?", owner);
    }

    interface Call {
        int status(int i) throws Exception;
    }

    /** Runs {@code n} calls at once (released together) and returns their statuses. */
    private static List<Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.status(index);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> result : results) {
                codes.add(result.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
