package io.strato.image.data;

import static io.restassured.RestAssured.given;
import static io.strato.image.data.DataFixtures.hex;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageDataApiTest {
    private static final String OCTETS = "application/octet-stream";

    @jakarta.inject.Inject
    io.strato.image.store.StoreConfig storeConfig;

    private final String project = "p-" + UUID.randomUUID();
    private final String member = TestIdentity.token("u-owner", project, "member", "reader");

    @Test
    void uploadThenDownloadKeepsBytesAndHashes() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] bytes = random(3 * 1024 * 1024 + 17);

        given().header("X-Auth-Token", member).contentType(OCTETS).body(bytes)
                .put("/v2/images/{id}/file", id).then().statusCode(204);

        Map<String, Object> row = DataFixtures.row(id);
        assertEquals("active", row.get("status"));
        assertEquals((long) bytes.length, row.get("size"));
        assertEquals(hex("MD5", bytes), row.get("checksum"));
        assertEquals("sha512", row.get("os_hash_algo"));
        assertEquals(hex("SHA-512", bytes), row.get("os_hash_value"));
        assertEquals((long) bytes.length, row.get("virtual_size"), "a raw image's virtual size is its size");
        assertEquals(1, DataFixtures.outboxEvents("strato.image.image.activated.v1", id));

        var response = given().header("X-Auth-Token", member).get("/v2/images/{id}/file", id);
        response.then().statusCode(200)
                .header("Content-Type", OCTETS)
                .header("Content-Length", String.valueOf(bytes.length))
                .header("Content-MD5", hex("MD5", bytes));
        assertArrayEquals(bytes, response.asByteArray());
    }

    @Test
    void anActiveImageWhoseStoredBytesAreGoneAnswersNoContentAsGlanceDoes() throws Exception {
        UUID id = DataFixtures.queuedImage(project, "raw");
        given().header("X-Auth-Token", member).contentType(OCTETS).body(random(4096))
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        String location = (String) DataFixtures.row(id).get("store_location");
        java.nio.file.Path file = java.nio.file.Path.of(storeConfig.directory()).resolve(location);
        assertTrue(java.nio.file.Files.deleteIfExists(file), "the stored file " + file);

        given().header("X-Auth-Token", member).get("/v2/images/{id}/file", id).then().statusCode(204);
        given().header("X-Auth-Token", member).header("Range", "bytes=0-99")
                .get("/v2/images/{id}/file", id).then().statusCode(204);
    }

    @Test
    void aSecondUploadToAnActiveImageIsAConflict() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        given().header("X-Auth-Token", member).contentType(OCTETS).body(random(1000))
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        given().header("X-Auth-Token", member).contentType(OCTETS).body(random(2000))
                .put("/v2/images/{id}/file", id).then().spec(fault(409));
        assertEquals(1000L, DataFixtures.row(id).get("size"));
    }

    @Test
    void qcow2VirtualSizeComesFromItsHeader() {
        UUID id = DataFixtures.queuedImage(project, "qcow2");
        long virtual = 10L * 1024 * 1024 * 1024 + 512;
        byte[] image = new byte[200_000];
        ByteBuffer header = ByteBuffer.wrap(image); // big-endian, as qcow2
        header.putInt(0, 0x514649fb).putInt(4, 3).putLong(24, virtual);
        Arrays.fill(image, 104, image.length, (byte) 7);

        given().header("X-Auth-Token", member).contentType(OCTETS).body(image)
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        assertEquals(virtual, DataFixtures.row(id).get("virtual_size"));
    }

    @Test
    void anUnknownFormatHasNoVirtualSize() {
        UUID id = DataFixtures.queuedImage(project, "iso");
        given().header("X-Auth-Token", member).contentType(OCTETS).body(random(4096))
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        assertNull(DataFixtures.row(id).get("virtual_size"));
    }

    @Test
    void rangesAreServedAs206AndBadRangesAs416() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] bytes = random(100_000);
        given().header("X-Auth-Token", member).contentType(OCTETS).body(bytes)
                .put("/v2/images/{id}/file", id).then().statusCode(204);

        var middle = given().header("X-Auth-Token", member).header("Range", "bytes=1000-1999").get("/v2/images/{id}/file", id);
        middle.then().statusCode(206).header("Content-Range", "bytes 1000-1999/100000").header("Content-Length", "1000");
        assertArrayEquals(Arrays.copyOfRange(bytes, 1000, 2000), middle.asByteArray());

        var tail = given().header("X-Auth-Token", member).header("Range", "bytes=-10").get("/v2/images/{id}/file", id);
        tail.then().statusCode(206).header("Content-Range", "bytes 99990-99999/100000");
        assertArrayEquals(Arrays.copyOfRange(bytes, 99_990, 100_000), tail.asByteArray());

        var open = given().header("X-Auth-Token", member).header("Range", "bytes=99000-").get("/v2/images/{id}/file", id);
        open.then().statusCode(206).header("Content-Length", "1000");
        assertArrayEquals(Arrays.copyOfRange(bytes, 99_000, 100_000), open.asByteArray());

        given().header("X-Auth-Token", member).header("Range", "bytes=100000-").get("/v2/images/{id}/file", id)
                .then().spec(fault(416));
        given().header("X-Auth-Token", member).header("Range", "bytes=5-2").get("/v2/images/{id}/file", id)
                .then().spec(fault(416));
        given().header("X-Auth-Token", member).header("Range", "lines=1-2").get("/v2/images/{id}/file", id)
                .then().spec(fault(416));
    }

    @Test
    void anImageWithoutDataDownloadsAsNoContent() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        given().header("X-Auth-Token", member).get("/v2/images/{id}/file", id).then().statusCode(204);
    }

    /** Glance sends the bytes whatever the client accepts; Tempest's client asks for JSON. */
    @Test
    void aDownloadIgnoresTheAcceptHeader() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] bytes = random(2048);
        given().header("X-Auth-Token", member).contentType(OCTETS).body(bytes)
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        var response = given().header("X-Auth-Token", member).accept("application/json")
                .get("/v2/images/{id}/file", id);
        response.then().statusCode(200).header("Content-Type", OCTETS);
        assertArrayEquals(bytes, response.asByteArray());
        given().header("X-Auth-Token", member).accept("application/json")
                .get("/v2/images/{id}/file", UUID.randomUUID()).then().spec(fault(404));
    }

    @Test
    void otherProjectsCannotSeeOrUploadAPrivateImage() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        String stranger = TestIdentity.token("u-stranger", "p-other-" + UUID.randomUUID(), "member", "reader");
        given().header("X-Auth-Token", stranger).contentType(OCTETS).body(random(10))
                .put("/v2/images/{id}/file", id).then().spec(fault(404));
        given().header("X-Auth-Token", stranger).get("/v2/images/{id}/file", id).then().spec(fault(404));
        given().header("X-Auth-Token", member).get("/v2/images/{id}/file", UUID.randomUUID()).then().spec(fault(404));
        given().header("X-Auth-Token", member).get("/v2/images/not-a-uuid/file").then().spec(fault(404));
        assertEquals("queued", DataFixtures.status(id));
    }

    @Test
    void aReaderMayNotUpload() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        String reader = TestIdentity.token("u-reader", project, "reader");
        given().header("X-Auth-Token", reader).contentType(OCTETS).body(random(10))
                .put("/v2/images/{id}/file", id).then().spec(fault(403));
        assertEquals("queued", DataFixtures.status(id));
    }

    @Test
    void aDeactivatedImageDownloadsForAdminsOnly() {
        UUID id = DataFixtures.queuedImage(project, "raw");
        byte[] bytes = random(5000);
        given().header("X-Auth-Token", member).contentType(OCTETS).body(bytes)
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        DataFixtures.sql("update image set status = 'deactivated' where id = ?", id);

        given().header("X-Auth-Token", member).get("/v2/images/{id}/file", id).then().spec(fault(403));
        given().header("X-Auth-Token", member).accept("application/json").get("/v2/images/{id}/file", id)
                .then().spec(fault(403));
        String admin = TestIdentity.token("u-admin", "p-admin", "admin", "member", "reader");
        var response = given().header("X-Auth-Token", admin).get("/v2/images/{id}/file", id);
        response.then().statusCode(200);
        assertArrayEquals(bytes, response.asByteArray());
    }

    @Test
    void aProjectOverItsByteQuotaIsStoppedWith413AndKeepsNothing() {
        String small = "p-quota-" + UUID.randomUUID();
        DataFixtures.usedBytes(small, 100L * 1024 * 1024 * 1024 - 1024 * 1024); // 1 MiB left of the 100 GiB default
        UUID id = DataFixtures.queuedImage(small, "raw");

        given().header("X-Auth-Token", TestIdentity.token("u-q", small, "member")).contentType(OCTETS)
                .body(random(3 * 1024 * 1024)).put("/v2/images/{id}/file", id)
                .then().spec(fault(413));

        assertEquals("queued", DataFixtures.status(id));
        assertNull(DataFixtures.row(id).get("size"));
        assertTrue(DataFixtures.storedFiles(id).isEmpty(), "no bytes of the refused upload are kept");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
