package io.strato.volume.images;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Cinder's os-volume_upload_image (Tempest's VolumesActionsTest.test_volume_upload): the volume's bytes become a
 * new image in image-service, made with the user's token; the volume is uploading meanwhile, then available again.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
@WithTestResource(FakeGlance.class)
class VolumeUploadTest {

    private static String upload(Api a, String volume, String args) {
        return a.req().body("{\"os-volume_upload_image\": " + args + "}").post(a.url("/volumes/" + volume + "/action"))
                .then().statusCode(202)
                .body("os-volume_upload_image.id", equalTo(volume))
                .body("os-volume_upload_image.status", equalTo("uploading"))
                .body("os-volume_upload_image.image_id", notNullValue())
                .extract().path("os-volume_upload_image.image_id");
    }

    private static Path data(String image) {
        Awaitility.await("the data of image " + image).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> FakeGlance.DATA.containsKey(image));
        return FakeGlance.DATA.get(image);
    }

    @Test
    void aVolumeUploadedAsRawIsItsBytesAndTheVolumeComesBack() throws Exception {
        Api a = Api.member();
        String volume = a.createVolume("{\"volume\": {\"size\": 1, \"imageRef\": \"" + FakeGlance.IMAGE + "\"}}");
        a.await(volume, "available");
        // what Tempest sends: the name and CONF.volume.disk_format (raw)
        String image = a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"tempest-image\", \"disk_format\": \"raw\"}}")
                .post(a.url("/volumes/" + volume + "/action")).then().statusCode(202)
                .body("os-volume_upload_image.image_name", equalTo("tempest-image"))
                .body("os-volume_upload_image.disk_format", equalTo("raw"))
                .body("os-volume_upload_image.container_format", equalTo("bare"))
                .body("os-volume_upload_image.size", equalTo(1))
                .body("os-volume_upload_image.volume_type.name", notNullValue())
                .body("os-volume_upload_image", hasKey("updated_at"))
                .body("os-volume_upload_image", hasKey("display_description"))
                // visibility and protected come with microversion 3.1
                .body("os-volume_upload_image", not(hasKey("visibility")))
                .extract().path("os-volume_upload_image.image_id");
        assertTrue(FakeGlance.CREATED.get(image).contains("\"name\":\"tempest-image\""), FakeGlance.CREATED.get(image));
        Path raw = data(image);
        a.await(volume, "available");
        a.show(volume).body("volume.status_reason", nullValue());
        assertEquals(1L << 30, Files.size(raw), "a raw image is the whole volume");
        try (InputStream in = Files.newInputStream(raw)) {
            byte[] first = in.readNBytes(1 << 20);
            for (byte b : first) {
                assertEquals((byte) 0x61, b, "the image holds the volume's bytes");
            }
        }
    }

    @Test
    void anotherDiskFormatIsConvertedAndVisibilityComesWith31() throws Exception {
        Api a = Api.member();
        String volume = a.createVolume("{\"volume\": {\"size\": 1, \"imageRef\": \"" + FakeGlance.IMAGE + "\"}}");
        a.await(volume, "available");
        String image = a.req().header("OpenStack-API-Version", "volume 3.1")
                .body("{\"os-volume_upload_image\": {\"image_name\": \"q\", \"disk_format\": \"qcow2\", \"visibility\": \"shared\","
                        + " \"protected\": true, \"force\": false}}")
                .post(a.url("/volumes/" + volume + "/action")).then().statusCode(202)
                .body("os-volume_upload_image.visibility", equalTo("shared"))
                .body("os-volume_upload_image.protected", equalTo(true))
                .extract().path("os-volume_upload_image.image_id");
        Path file = data(image);
        a.await(volume, "available");
        Process p = new ProcessBuilder("qemu-img", "info", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(out.contains("file format: qcow2") && out.contains("virtual size: 1 GiB"), out);
        p = new ProcessBuilder("qemu-io", "-f", "qcow2", "-c", "read -P 0x61 0 1M", file.toString()).redirectErrorStream(true).start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(!out.contains("Pattern verification failed"), out);
    }

    @Test
    void badArgumentsAndBusyVolumesAre400sAndTheVolumeStaysAvailable() {
        Api a = Api.member();
        String volume = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(volume, "available");
        String action = a.url("/volumes/" + volume + "/action");
        a.req().body("{\"os-volume_upload_image\": {}}").post(action).then().statusCode(400)
                .body("badRequest.message", containsString("image_name"));
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"\"}}").post(action).then().statusCode(400);
        a.req().body("{\"os-volume_upload_image\": null}").post(action).then().statusCode(400);
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"i\", \"disk_format\": \"floppy\"}}").post(action)
                .then().statusCode(400).body("badRequest.message", containsString("disk_format"));
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"i\", \"force\": \"maybe\"}}").post(action)
                .then().statusCode(400);
        // visibility is a 3.1 argument: at 3.0 it is an additional property, as in Cinder's schema
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"i\", \"visibility\": \"public\"}}").post(action)
                .then().statusCode(400).body("badRequest.message", containsString("'visibility'"));
        // image-service refuses the image: a 400 saying why, and the volume is available again at once
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"" + FakeGlance.REFUSED + "\"}}").post(action)
                .then().statusCode(400).body("badRequest.message", containsString("Invalid image name"));
        a.show(volume).body("volume.status", equalTo("available"));
        a.req().body("{\"os-volume_upload_image\": {\"image_name\": \"i\"}}")
                .post(a.url("/volumes/00000000-0000-0000-0000-000000000000/action")).then().statusCode(404);
        Api other = Api.member();
        other.req().body("{\"os-volume_upload_image\": {\"image_name\": \"i\"}}")
                .post(other.url("/volumes/" + volume + "/action")).then().statusCode(404);
    }

    @Test
    void aFailedUploadDeletesTheImageAndSaysWhyOnTheVolume() throws Exception {
        Api a = Api.member();
        String volume = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(volume, "available");
        String image = upload(a, volume, "{\"image_name\": \"" + FakeGlance.BROKEN + "\", \"disk_format\": \"qcow2\"}");
        Awaitility.await("the image's deletion").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> FakeGlance.DELETED.contains(image));
        a.await(volume, "available");
        // kept for operators (the view shows a reason only with an error status, as Cinder has no such field)
        assertTrue(io.strato.volume.Db.text("select status_reason from volume where id = ?::uuid", volume)
                .contains("upload to image failed"));
        // the volume is usable: a second upload is accepted and clears the reason
        String again = upload(a, volume, "{\"image_name\": \"again\", \"disk_format\": \"qcow2\"}");
        data(again);
        a.await(volume, "available");
        assertEquals(null, io.strato.volume.Db.text("select status_reason from volume where id = ?::uuid", volume));
    }
}
