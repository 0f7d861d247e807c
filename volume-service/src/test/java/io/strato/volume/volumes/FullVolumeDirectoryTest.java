package io.strato.volume.volumes;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.SmallTmpfs;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.backend.LocalDriver;
import io.strato.volume.images.FakeGlance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local backend's directory really full (a 2 MiB tmpfs with a filler file): what Cinder does when its driver
 * fails. A create or a volume from an image ends in error, a snapshot in error, an extend in error_extending at
 * the old size, an upload to an image back in available with the image deleted; each with Cinder's user message,
 * and no file left of the work. Once there is room again, the same requests work.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
@WithTestResource(FakeGlance.class)
@WithTestResource(value = SmallTmpfs.class, initArgs = @ResourceArg(name = "key", value = "strato.volume.local.directory"))
class FullVolumeDirectoryTest {
    private Path dir;
    private Path filler;

    @BeforeEach
    void onATmpfs() {
        String refused = ConfigProvider.getConfig().getOptionalValue(SmallTmpfs.REFUSED, String.class).orElse("");
        Assumptions.assumeTrue(refused.isEmpty(), refused);
        dir = Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class)).toAbsolutePath();
        filler = dir.resolve("filler");
    }

    @AfterEach
    void makeRoom() throws IOException {
        if (filler != null) {
            Files.deleteIfExists(filler);
        }
    }

    @Test
    void aVolumeCreatedOnAFullDirectoryIsAnErrorWithCindersMessageAndNoFile() throws IOException {
        Files.createDirectories(dir);
        List<String> before = files();
        SmallTmpfs.fillLeaving(dir, filler, 0);
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(id, "error");
        assertMessage(a, id, "VOLUME_VOLUME_008_012", "create volume from backend storage:Driver failed to create the volume.");
        assertFalse(Files.exists(dir.resolve("volume-" + id + ".qcow2")));
        assertEquals(withFiller(before), files());

        Files.delete(filler);
        a.await(a.createVolume("{\"volume\": {\"size\": 1}}"), "available");
        a.req().delete(a.url("/volumes/" + id)).then().statusCode(202);
        a.awaitGone(id);
    }

    @Test
    void aVolumeFromAnImageOnAFullDirectoryIsAnErrorSayingTheImageDoesNotFit() throws IOException {
        Files.createDirectories(dir);
        List<String> before = files();
        SmallTmpfs.fillLeaving(dir, filler, 64 * 1024);
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 2, \"imageRef\": \"" + FakeGlance.IMAGE + "\"}}");
        a.await(id, "error");
        assertMessage(a, id, "VOLUME_VOLUME_005_007", "copy image to volume:Image used for creating volume exceeds available space.");
        assertEquals(withFiller(before), files(), "neither the download nor the volume's file is left");
        // (the image's download and its conversion together need more than the whole 2 MiB: no second try here)
    }

    @Test
    void aSnapshotAnUploadAndAnExtendOnAFullDirectoryLeaveTheVolumeWhole() throws Exception {
        Api a = Api.member();
        String volume = a.availableVolume();
        Path file = dir.resolve("volume-" + volume + ".qcow2");
        LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 64k", file.toString());
        List<String> before = files();
        SmallTmpfs.fillLeaving(dir, filler, 0);

        String snapshot = a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/snapshots"))
                .then().statusCode(202).extract().path("snapshot.id");
        a.awaitSnapshot(snapshot, "error");
        assertMessage(a, snapshot, "VOLUME_VOLUME_SNAPSHOT_009_013", "create snapshot:Snapshot failed to create.");
        a.await(volume, "available");
        assertEquals(withFiller(before), files(), "no snapshot file, no overlay");

        String image = a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"full\", \"disk_format\": \"qcow2\"}}")
                .post(a.url("/volumes/" + volume + "/action")).then().statusCode(202)
                .extract().path("os-volume_upload_image.image_id");
        Awaitility.await("the empty image deleted").atMost(Duration.ofSeconds(60)).until(() -> FakeGlance.DELETED.contains(image));
        a.await(volume, "available");
        assertMessage(a, volume, "VOLUME_VOLUME_003_004", "copy volume to image:Failed to upload volume to image at backend.");
        assertFalse(FakeGlance.DATA.containsKey(image), "no data was sent for the image");
        assertEquals(withFiller(before), files(), "no upload file");

        a.req().body("{\"os-extend\": {\"new_size\": 2}}").post(a.url("/volumes/" + volume + "/action")).then().statusCode(202);
        a.await(volume, "error_extending");
        a.show(volume).body("volume.size", equalTo(1));
        assertMessage(a, volume, "VOLUME_VOLUME_007_010", "extend volume:Volume Driver failed to extend volume.");
        LocalDriver.run("qemu-img", "check", "-q", "-f", "qcow2", file.toString());
        String data = LocalDriver.run("qemu-io", "-f", "qcow2", "-c", "read -P 0x5a 0 64k", file.toString());
        assertTrue(data.contains("read 65536/65536") && !data.contains("Pattern verification failed"), data);
    }

    private void assertMessage(Api a, String resource, String eventId, String userMessage) {
        List<Map<String, Object>> messages = a.req().header("OpenStack-API-Version", "volume 3.3").get(a.url("/messages"))
                .then().statusCode(200).extract().path("messages");
        assertTrue(messages.stream().anyMatch(m -> resource.equals(m.get("resource_uuid")) && eventId.equals(m.get("event_id"))
                        && userMessage.equals(m.get("user_message"))),
                "a message " + eventId + " about " + resource + " among " + messages);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> withFiller(List<String> files) {
        return Stream.concat(files.stream(), Stream.of("filler")).sorted().toList();
    }
}
