package io.strato.volume.images;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A volume made from an image: fetched from image-service with the user's token, converted, bootable. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
@WithTestResource(FakeGlance.class)
class VolumeFromImageTest {

    @Test
    void aVolumeFromAnImageHoldsItsDataAndIsBootable() throws Exception {
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 2, \"imageRef\": \"" + FakeGlance.IMAGE + "\"}}");
        a.await(id, "available");
        a.show(id).body("volume.bootable", equalTo("true")).body("volume.size", equalTo(2))
                .body("volume.volume_image_metadata.image_id", equalTo(FakeGlance.IMAGE));
        Path file = Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class))
                .toAbsolutePath().resolve("volume-" + id + ".qcow2");
        Process p = new ProcessBuilder("qemu-io", "-f", "qcow2", "-c", "read -P 0x61 0 1M", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(false, out.contains("Pattern verification failed"), out);
        p = new ProcessBuilder("qemu-img", "info", file.toString()).redirectErrorStream(true).start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals(true, out.contains("virtual size: 2 GiB"), out);
    }

    @Test
    void theImageMetadataIsKeptAndChangedByTheActions() {
        Api a = Api.member();
        String id = a.createVolume("{\"volume\": {\"size\": 2, \"imageRef\": \"" + FakeGlance.IMAGE + "\"}}");
        a.await(id, "available");
        a.show(id).body("volume.volume_image_metadata.image_name", equalTo("tiny"))
                .body("volume.volume_image_metadata.disk_format", equalTo("qcow2"))
                .body("volume.volume_image_metadata.container_format", equalTo("bare"))
                .body("volume.volume_image_metadata.hw_disk_bus", equalTo("virtio"))
                .body("volume.volume_image_metadata", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("tags")));
        String action = a.url("/volumes/" + id + "/action");
        a.req().body("{\"os-set_image_metadata\": {\"metadata\": {\"image_name\": \"image\", \"ramdisk_id\": \"somedisk\"}}}")
                .post(action).then().statusCode(200).body("metadata.image_name", equalTo("image"))
                .body("metadata.image_id", equalTo(FakeGlance.IMAGE)).body("metadata.ramdisk_id", equalTo("somedisk"));
        a.req().body("{\"os-unset_image_metadata\": {\"key\": \"ramdisk_id\"}}").post(action).then().statusCode(200);
        a.req().body("{\"os-unset_image_metadata\": {\"key\": \"ramdisk_id\"}}").post(action).then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
        a.req().body("{\"os-show_image_metadata\": {}}").post(action).then().statusCode(200)
                .body("metadata.image_name", equalTo("image")).body("metadata", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("ramdisk_id")));
        a.req().body("{\"os-set_image_metadata\": {\"metadata\": \"x\"}}").post(action).then().statusCode(400);
        // a clone keeps its source's image metadata, as Cinder copies volume_glance_metadata
        String clone = a.createVolume("{\"volume\": {\"source_volid\": \"" + id + "\"}}");
        a.await(clone, "available");
        a.show(clone).body("volume.volume_image_metadata.image_name", equalTo("image"));
        Api other = Api.member();
        other.req().body("{\"os-show_image_metadata\": {}}").post(other.url("/volumes/" + id + "/action")).then().statusCode(404);
    }

    @Test
    void unknownOrTooLargeImagesAreRefused() {
        Api a = Api.member();
        a.req().body("{\"volume\": {\"size\": 2, \"imageRef\": \"00000000-0000-0000-0000-000000000001\"}}")
                .post(a.url("/volumes")).then().statusCode(400).body("badRequest.code", equalTo(400));
        a.req().body("{\"volume\": {\"size\": 2, \"imageRef\": \"" + FakeGlance.HUGE + "\"}}")
                .post(a.url("/volumes")).then().statusCode(400);
        a.req().body("{\"volume\": {\"size\": 2, \"imageRef\": \"not-a-uuid\"}}")
                .post(a.url("/volumes")).then().statusCode(400);
    }
}
