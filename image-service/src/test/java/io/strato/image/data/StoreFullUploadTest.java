package io.strato.image.data;

import static io.restassured.RestAssured.given;
import static io.strato.image.data.DataFixtures.hex;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.SmallTmpfs;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads into a store whose file system is really full (a 2 MiB tmpfs with a filler file: the kernel's ENOSPC).
 * Glance's behaviour (image_data.py, StorageFull): 413 "Image storage media is full: ...", the image back in
 * queued with no size or checksum, glance_store's partial file removed; the store's other images untouched.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
@WithTestResource(value = SmallTmpfs.class, initArgs = @ResourceArg(name = "key", value = "strato.image.store.directory"))
class StoreFullUploadTest {
    private static final String OCTETS = "application/octet-stream";
    private static final String FULL = "Image storage media is full: There is not enough disk space on the image storage media.";

    @TestHTTPResource("/")
    URL root;

    private final String project = "p-" + UUID.randomUUID();
    private final String member = TestIdentity.token("u-full", project, "member", "reader");
    private Path store;
    private Path filler;

    @BeforeEach
    void onATmpfs() {
        String refused = ConfigProvider.getConfig().getOptionalValue(SmallTmpfs.REFUSED, String.class).orElse("");
        Assumptions.assumeTrue(refused.isEmpty(), refused);
        store = Path.of(ConfigProvider.getConfig().getValue("strato.image.store.directory", String.class));
        filler = store.resolve("filler");
    }

    @AfterEach
    void emptyTheStore() throws IOException {
        if (store != null) {
            Files.deleteIfExists(filler);
            DataFixtures.removeImagesOf(project);
        }
    }

    @Test
    void anUploadIntoAFullStoreIs413WithTheImageQueuedAndNoBytesLeft() throws IOException {
        UUID kept = DataFixtures.queuedImage(project, "raw");
        byte[] keptBytes = random(256 * 1024);
        upload(kept, keptBytes).then().statusCode(204);

        fillLeaving(64 * 1024);
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] bytes = random(1024 * 1024);
        upload(id, bytes).then().spec(fault(413, FULL))
                .header("x-openstack-request-id", matchesPattern("req-[0-9a-f-]{36}"));

        Map<String, Object> row = DataFixtures.row(id);
        assertEquals("queued", row.get("status"), "Glance restores the image to queued on StorageFull");
        for (String column : new String[] {"size", "checksum", "os_hash_value", "virtual_size", "store_location"}) {
            assertNull(row.get(column), column + " of an image whose upload found the store full");
        }
        given().header("X-Auth-Token", member).get("/v2/images/{id}", id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("queued"))
                .body("size", nullValue()).body("checksum", nullValue()).body("os_hash_value", nullValue());
        assertEquals(java.util.List.of(), DataFixtures.storedFiles(id), "the partial file is removed");
        assertEquals(0, partialFiles(), ".partial files in the store");
        assertEquals(0, DataFixtures.count("select count(*) from image_upload_reservation where image_id = ?", id));
        assertEquals(0, DataFixtures.outboxEvents("strato.image.image.activated.v1", id));

        // the image that was there stays whole
        assertEquals("active", DataFixtures.status(kept));
        assertArrayEquals(keptBytes, given().header("X-Auth-Token", member).get("/v2/images/{id}/file", kept)
                .then().statusCode(200).extract().asByteArray());

        // room again: the same upload to the same image goes through
        Files.delete(filler);
        upload(id, bytes).then().statusCode(204);
        assertEquals("active", DataFixtures.status(id));
        assertEquals((long) bytes.length, DataFixtures.row(id).get("size"));
        assertEquals(hex("MD5", bytes), DataFixtures.row(id).get("checksum"));
        assertArrayEquals(bytes, given().header("X-Auth-Token", member).get("/v2/images/{id}/file", id)
                .then().statusCode(200).extract().asByteArray());
    }

    @Test
    void aChunkedUploadIntoAFullStoreIsAlso413AndQueued() throws IOException {
        fillLeaving(32 * 1024);
        UUID id = DataFixtures.queuedImage(project, "raw");
        String status;
        // python-glanceclient sends image data chunked, without a length
        try (RawUpload upload = RawUpload.startChunked(root, member, id)) {
            for (int i = 0; i < 4; i++) {
                try {
                    upload.send(random(256 * 1024));
                } catch (IOException answeredAlready) {
                    break;
                }
            }
            try {
                upload.end();
            } catch (IOException answeredAlready) {
                // the server answered and closed while the rest was on its way
            }
            status = upload.statusLine();
        }
        assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        DataFixtures.eventually("the image is queued again", () -> "queued".equals(DataFixtures.status(id)));
        assertNull(DataFixtures.row(id).get("checksum"));
        assertNull(DataFixtures.row(id).get("size"));
        assertEquals(java.util.List.of(), DataFixtures.storedFiles(id));
        assertEquals(0, partialFiles());
    }

    /** Writes a filler file that leaves {@code room} bytes free on the store's file system. */
    private void fillLeaving(long room) throws IOException {
        long free = Files.getFileStore(store).getUsableSpace();
        assertTrue(free > room && free <= SmallTmpfs.SIZE, "the store's tmpfs (" + store + ", "
                + Files.getFileStore(store) + ") has " + free + " bytes free");
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            for (long left = free - room; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        long left = Files.getFileStore(store).getUsableSpace();
        assertTrue(left <= room, "after the filler " + left + " bytes are free");
    }

    private long partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).count();
        }
    }

    private io.restassured.response.Response upload(UUID id, byte[] bytes) {
        return given().header("X-Auth-Token", member).contentType(OCTETS).body(bytes).put("/v2/images/{id}/file", id);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
