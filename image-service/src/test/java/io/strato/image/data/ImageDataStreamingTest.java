package io.strato.image.data;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uploads as they go wrong on a real connection, and a body larger than this JVM's heap (-Xmx256m). */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageDataStreamingTest {
    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URL root;

    private final String project = "p-" + UUID.randomUUID();
    private final String token = TestIdentity.token("u-stream", project, "member", "reader");

    @Test
    void aClientThatHangsUpMidUploadLeavesAQueuedImageAndNoBytes() throws Exception {
        UUID id = DataFixtures.queuedImage(project, "raw");
        try (RawUpload upload = RawUpload.start(root, token, id, 64L * MIB)) {
            upload.send(new byte[4 * MIB]);
            DataFixtures.eventually("the upload is saving", () -> "saving".equals(DataFixtures.status(id)));
        }
        DataFixtures.eventually("the image is queued again", () -> "queued".equals(DataFixtures.status(id)));
        DataFixtures.eventually("no bytes are left", () -> DataFixtures.storedFiles(id).isEmpty());
        assertNull(DataFixtures.row(id).get("size"));
        assertNull(DataFixtures.row(id).get("store_location"));
    }

    @Test
    void ofTwoConcurrentUploadsOneWinsAndTheOtherIsAConflict() throws Exception {
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] first = new byte[2 * MIB];
        try (RawUpload upload = RawUpload.start(root, token, id, 2L * first.length)) {
            upload.send(first);
            DataFixtures.eventually("the first upload is saving", () -> "saving".equals(DataFixtures.status(id)));

            given().header("X-Auth-Token", token).contentType("application/octet-stream").body(new byte[1000])
                    .put("/v2/images/{id}/file", id).then().spec(fault(409));

            assertEquals("HTTP/1.1 204 No Content", upload.send(first).statusLine());
        }
        assertEquals("active", DataFixtures.status(id));
        assertEquals(4L * MIB, DataFixtures.row(id).get("size"));
    }

    @Test
    void aBodyLargerThanTheHeapStreamsThroughBothWays() throws Exception {
        long size = 400L * MIB;
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(size > heap, "the body (" + size + ") must be larger than the heap (" + heap + ")");
        UUID id = DataFixtures.queuedImage(project, "raw");
        // HTTP/1.1 as the OpenStack clients speak it (an h2c upgrade would make the server aggregate the body)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI file = root.toURI().resolve("v2/images/" + id + "/file");

        Generated body = new Generated(size);
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(file)
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), size))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, put.statusCode(), put.body());
        String md5 = HexFormat.of().formatHex(body.md5.digest());
        assertEquals(size, DataFixtures.row(id).get("size"));
        assertEquals(md5, DataFixtures.row(id).get("checksum"));

        HttpResponse<InputStream> get = client.send(HttpRequest.newBuilder(file).header("X-Auth-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, get.statusCode());
        assertEquals(String.valueOf(size), get.headers().firstValue("Content-Length").orElse(null));
        MessageDigest back = DataFixtures.digest("MD5");
        long read = 0;
        try (InputStream in = get.body()) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) > 0; read += n) {
                back.update(chunk, 0, n);
            }
        }
        assertEquals(size, read);
        assertEquals(md5, HexFormat.of().formatHex(back.digest()));

        for (var stored : DataFixtures.storedFiles(id)) {
            Files.delete(stored); // 400 MB the rest of the suite doesn't need
        }
    }

    /** {@code size} pseudo-random bytes made on the fly, never held whole; keeps their MD5. */
    private static final class Generated extends InputStream {
        final MessageDigest md5 = DataFixtures.digest("MD5");
        private final long size;
        private long sent;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - sent);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            md5.update(b, off, n);
            sent += n;
            return n;
        }
    }
}
