package io.strato.volume.snapshots;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Snapshots as qcow2 backing chains: what each sees, create from a snapshot, and deletes in any order. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class SnapshotApiTest {

    static Path dir() {
        return Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class)).toAbsolutePath();
    }

    static Path volumeFile(String id) {
        return dir().resolve("volume-" + id + ".qcow2");
    }

    /** Runs a command; returns its exit status and output. */
    static String[] exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {String.valueOf(p.waitFor()), out};
    }

    static void write(Path file, int pattern, String offset) throws Exception {
        String[] r = exec("qemu-io", "-f", "qcow2", "-c", "write -P " + pattern + " " + offset + " 1M", file.toString());
        assertEquals("0", r[0], r[1]);
    }

    /** Whether the 1 MiB at {@code offset} of the file all hold {@code pattern}. */
    static boolean holds(Path file, int pattern, String offset) throws Exception {
        String[] r = exec("qemu-io", "-f", "qcow2", "-c", "read -P " + pattern + " " + offset + " 1M", file.toString());
        return "0".equals(r[0]) && !r[1].contains("Pattern verification failed");
    }

    String snapshot(Api a, String volume, String name) {
        String id = a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"name\": \"" + name + "\"}}")
                .post(a.url("/snapshots")).then().statusCode(202).body("snapshot.status", equalTo("creating"))
                .extract().path("snapshot.id");
        awaitSnapshot(a, id, "available");
        return id;
    }

    static void awaitSnapshot(Api a, String id, String status) {
        a.awaitSnapshot(id, status);
    }

    @Test
    void snapshotsFreezeTheVolumeAndTheVolumeGoesOnWriting() throws Exception {
        Api a = Api.member();
        String vol = a.createVolume("{\"volume\": {\"size\": 1, \"name\": \"data\"}}");
        a.await(vol, "available");
        Path file = volumeFile(vol);
        write(file, 0x41, "0");
        write(file, 0x43, "1M");

        String s1 = snapshot(a, vol, "s1");
        Path s1File = dir().resolve("snapshot-" + s1 + ".qcow2");
        assertTrue(Files.exists(s1File));
        assertTrue(exec("qemu-img", "info", file.toString())[1].contains("snapshot-" + s1), "the volume is an overlay on s1");
        write(file, 0x42, "0");
        String s2 = snapshot(a, vol, "s2");
        write(file, 0x44, "0");

        assertTrue(holds(s1File, 0x41, "0"), "s1 keeps what was there when it was taken");
        assertTrue(holds(dir().resolve("snapshot-" + s2 + ".qcow2"), 0x42, "0"));
        assertTrue(holds(file, 0x44, "0"));
        assertTrue(holds(file, 0x43, "1M"), "the volume still reads what only s1 holds");

        // a volume from s1: its content, bigger, independent of the chain
        String copy = a.createVolume("{\"volume\": {\"snapshot_id\": \"" + s1 + "\", \"size\": 2}}");
        a.await(copy, "available");
        a.show(copy).body("volume.size", equalTo(2)).body("volume.snapshot_id", equalTo(s1));
        assertTrue(holds(volumeFile(copy), 0x41, "0"));
        assertTrue(holds(volumeFile(copy), 0x43, "1M"));
        assertFalse(exec("qemu-img", "info", volumeFile(copy).toString())[1].contains("backing file"));
        a.req().body("{\"volume\": {\"snapshot_id\": \"" + s1 + "\", \"size\": 0}}").post(a.url("/volumes")).then().statusCode(400);

        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume still has 2 dependent snapshots."));
        a.req().get(a.url("/snapshots/detail?volume_id=" + vol)).then().statusCode(200).body("snapshots.id", hasItem(s2));

        // delete the older snapshot first: its data folds into s2, nothing the volume reads changes
        a.req().delete(a.url("/snapshots/" + s1)).then().statusCode(202);
        awaitSnapshot(a, s1, "gone");
        assertFalse(Files.exists(s1File));
        assertTrue(holds(file, 0x44, "0"));
        assertTrue(holds(file, 0x43, "1M"));
        assertTrue(holds(dir().resolve("snapshot-" + s2 + ".qcow2"), 0x43, "1M"));
        a.req().delete(a.url("/snapshots/" + s2)).then().statusCode(202);
        awaitSnapshot(a, s2, "gone");
        assertTrue(holds(file, 0x44, "0"));
        assertTrue(holds(file, 0x43, "1M"));
        assertFalse(exec("qemu-img", "info", file.toString())[1].contains("backing file"));
        assertTrue(holds(volumeFile(copy), 0x41, "0"), "the copy does not depend on the deleted snapshot");

        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(202);
        a.awaitGone(vol);
    }

    @Test
    void anotherProjectsSnapshotIsInvisibleAndQuotasCount() {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        String vol = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(vol, "available");
        b.req().body("{\"snapshot\": {\"volume_id\": \"" + vol + "\"}}").post(b.url("/snapshots")).then().statusCode(404);
        String s = snapshot(a, vol, "mine");
        b.req().get(b.url("/snapshots/" + s)).then().statusCode(404);
        b.req().delete(b.url("/snapshots/" + s)).then().statusCode(404);
        b.req().body("{\"volume\": {\"snapshot_id\": \"" + s + "\"}}").post(b.url("/volumes")).then().statusCode(404);

        admin.req().body("{\"quota_set\": {\"snapshots\": 1}}").put(admin.url("/os-quota-sets/" + a.project())).then().statusCode(200);
        a.req().body("{\"snapshot\": {\"volume_id\": \"" + vol + "\"}}").post(a.url("/snapshots")).then().statusCode(413);
        a.req().get(a.url("/os-quota-sets/" + a.project() + "?usage=true")).then()
                .body("quota_set.snapshots.in_use", equalTo(1)).body("quota_set.gigabytes.in_use", equalTo(2));
    }

    @Test
    void snapshotAnswersCarryCindersKeysAndANullVolumeIsNotFound() {
        Api a = Api.member();
        String vol = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(vol, "available");
        java.util.Set<String> summary = java.util.Set.of("id", "name", "description", "volume_id", "size", "status",
                "created_at", "updated_at", "metadata");
        var created = a.req().body("{\"snapshot\": {\"volume_id\": \"" + vol + "\", \"name\": \"k\"}}")
                .post(a.url("/snapshots")).then().statusCode(202);
        org.junit.jupiter.api.Assertions.assertEquals(summary,
                created.extract().jsonPath().getMap("snapshot").keySet(), "create: no extended attributes at 3.0");
        String s = created.extract().path("snapshot.id");
        a.awaitSnapshot(s, "available");
        java.util.Set<String> extended = new java.util.HashSet<>(summary);
        extended.addAll(java.util.List.of("os-extended-snapshot-attributes:project_id", "os-extended-snapshot-attributes:progress"));
        org.junit.jupiter.api.Assertions.assertEquals(extended, a.req().get(a.url("/snapshots/" + s)).then().statusCode(200)
                .extract().jsonPath().getMap("snapshot").keySet(), "show");
        org.junit.jupiter.api.Assertions.assertEquals(summary, a.req().body("{\"snapshot\": {\"name\": \"j\"}}")
                .put(a.url("/snapshots/" + s)).then().statusCode(200).extract().jsonPath().getMap("snapshot").keySet(), "update");
        org.junit.jupiter.api.Assertions.assertEquals(summary, a.req().get(a.url("/snapshots")).then().statusCode(200)
                .extract().jsonPath().getMap("snapshots[0]").keySet(), "the plain list: Cinder's summary");
        org.junit.jupiter.api.Assertions.assertEquals(extended, a.req().get(a.url("/snapshots/detail")).then().statusCode(200)
                .extract().jsonPath().getMap("snapshots[0]").keySet(), "detail");
        java.util.Map<String, Object> at341 = a.req().header("OpenStack-API-Version", "volume 3.41").get(a.url("/snapshots/" + s))
                .then().statusCode(200).extract().jsonPath().getMap("snapshot");
        org.junit.jupiter.api.Assertions.assertTrue(at341.containsKey("group_snapshot_id") && at341.get("user_id") != null, "3.41: " + at341);

        a.req().body("{\"snapshot\": {\"volume_id\": null}}").post(a.url("/snapshots")).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume None could not be found."));
        a.req().body("{\"snapshot\": {\"name\": \"x\"}}").post(a.url("/snapshots")).then().statusCode(400);
    }

    /** Tempest's VolumesSnapshotListTestJSON and the list negatives: sort keys, marker, offset as Cinder reads them. */
    @Test
    void snapshotListsSortPageAndSkip() {
        Api a = Api.member();
        String vol = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(vol, "available");
        String b = snapshot(a, vol, "b");
        String c = snapshot(a, vol, "c");
        String x = snapshot(a, vol, "a");
        a.req().get(a.url("/snapshots")).then().body("snapshots.id", equalTo(java.util.List.of(x, c, b)));
        a.req().get(a.url("/snapshots?marker=" + c)).then().body("snapshots.id", equalTo(java.util.List.of(b)));
        a.req().get(a.url("/snapshots?offset=2&limit=3")).then().body("snapshots.id", equalTo(java.util.List.of(b)));
        a.req().get(a.url("/snapshots/detail?sort_key=display_name&sort_dir=asc")).then()
                .body("snapshots.name", equalTo(java.util.List.of("a", "b", "c")));
        a.req().get(a.url("/snapshots?sort=display_name:desc&limit=2&marker=" + c)).then()
                .body("snapshots.name", equalTo(java.util.List.of("b", "a")));
        java.util.List<String> byId = new java.util.ArrayList<>(java.util.List.of(b, c, x));
        java.util.Collections.sort(byId);
        a.req().get(a.url("/snapshots?sort_key=id&sort_dir=asc")).then().body("snapshots.id", equalTo(byId));
        a.req().get(a.url("/snapshots?sort_key=created_at&sort_dir=asc")).then().body("snapshots.id", equalTo(java.util.List.of(b, c, x)));
        a.req().get(a.url("/snapshots?sort_key=invalid")).then().statusCode(400);
        a.req().get(a.url("/snapshots?sort_key=name")).then().statusCode(400);
        a.req().header("OpenStack-API-Version", "volume 3.30").get(a.url("/snapshots?sort_key=name&sort_dir=asc")).then()
                .statusCode(200).body("snapshots.name", equalTo(java.util.List.of("a", "b", "c")));
        a.req().get(a.url("/snapshots?marker=" + java.util.UUID.randomUUID())).then().statusCode(404);
        a.req().get(a.url("/snapshots?offset=x")).then().statusCode(400);
    }

    /**
     * Cinder's force (below 3.66): a snapshot of an in-use volume needs {@code force: true} (400 otherwise, Cinder's
     * message); with it Strato still refuses (400), as taking it under a running guest needs an assisted snapshot.
     */
    @Test
    void anInUseVolumeNeedsForceAndIsThenRefusedWithTheReason() {
        Api a = Api.member();
        String v = a.availableVolume();
        a.req().body("{\"snapshot\": {\"volume_id\": \"" + v + "\", \"force\": \"maybe\"}}").post(a.url("/snapshots"))
                .then().statusCode(400).body("badRequest.message", containsString("force"));
        a.req().body("{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID() + "\", \"mountpoint\": \"/dev/vdb\"}}")
                .post(a.url("/volumes/" + v + "/action")).then().statusCode(202);
        a.show(v).body("volume.status", equalTo("in-use"));
        for (String force : List.of("", ", \"force\": false", ", \"force\": \"False\"")) {
            a.req().body("{\"snapshot\": {\"volume_id\": \"" + v + "\"" + force + "}}").post(a.url("/snapshots"))
                    .then().statusCode(400).body("badRequest.message", equalTo("Invalid volume: Volume " + v
                            + " status must be available, but current status is: in-use."));
        }
        a.req().body("{\"snapshot\": {\"volume_id\": \"" + v + "\", \"force\": true}}").post(a.url("/snapshots"))
                .then().statusCode(400).body("badRequest.message", containsString("assisted snapshot"));
        a.req().get(a.url("/snapshots?volume_id=" + v)).then().statusCode(200).body("snapshots", equalTo(List.of()));
        // force on an available volume changes nothing
        String w = a.availableVolume();
        String s = a.req().body("{\"snapshot\": {\"volume_id\": \"" + w + "\", \"force\": true}}").post(a.url("/snapshots"))
                .then().statusCode(202).extract().path("snapshot.id");
        a.awaitSnapshot(s, "available");
    }
}
