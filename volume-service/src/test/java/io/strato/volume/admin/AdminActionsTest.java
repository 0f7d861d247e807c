package io.strato.volume.admin;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Cinder's admin actions on volumes and snapshots (Tempest's admin VolumesActionsTest and SnapshotsActionsTest): an admin
 * of another project resets statuses, forces deletes in any status and detaches by force; members may not.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class AdminActionsTest {

    static ValidatableResponse action(Api a, String kind, String id, String body) {
        return a.req().body(body).post(a.url("/" + kind + "/" + id + "/action")).then();
    }

    static Path file(String name) {
        return Path.of(ConfigProvider.getConfig().getValue("strato.volume.local.directory", String.class))
                .toAbsolutePath().resolve(name);
    }

    @Test
    void anAdminForcesTheDeleteOfAVolumeInAnyStatusButNotAnAttachedOne() {
        Api a = Api.member();
        Api admin = Api.admin();
        for (String status : new String[] {"creating", "attaching", "error", "maintenance"}) {
            String v = a.availableVolume();
            action(admin, "volumes", v, "{\"os-reset_status\": {\"status\": \"" + status + "\"}}").statusCode(202);
            a.show(v).body("volume.status", equalTo(status));
            a.req().delete(a.url("/volumes/" + v)).then().statusCode(status.equals("error") ? 202 : 400);
            if (status.equals("error")) {
                a.awaitGone(v);
                continue;
            }
            action(a, "volumes", v, "{\"os-force_delete\": {}}").statusCode(403);
            action(admin, "volumes", v, "{\"os-force_delete\": {}}").statusCode(202);
            a.awaitGone(v);
            assertFalse(Files.exists(file("volume-" + v + ".qcow2")), "the file went too");
        }
        // a create still running when the delete is forced: the delete waits for it and removes its file
        String racing = a.createVolume("{\"volume\": {\"size\": 1}}");
        action(admin, "volumes", racing, "{\"os-force_delete\": {}}").statusCode(202);
        a.awaitGone(racing);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(file("volume-" + racing + ".qcow2")));

        String attached = a.availableVolume();
        action(a, "volumes", attached, "{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID()
                + "\", \"mountpoint\": \"/dev/vdb\"}}").statusCode(202);
        action(admin, "volumes", attached, "{\"os-force_delete\": {}}").statusCode(400);
        action(admin, "volumes", UUID.randomUUID().toString(), "{\"os-force_delete\": {}}").statusCode(404);
    }

    @Test
    void anAdminForcesTheDetachOfAVolumeInError() {
        Api a = Api.member();
        Api admin = Api.admin();
        String v = a.availableVolume();
        action(a, "volumes", v, "{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID()
                + "\", \"mountpoint\": \"/dev/vdb\"}}").statusCode(202);
        String attachment = a.show(v).body("volume.status", equalTo("in-use")).extract().path("volume.attachments[0].attachment_id");
        action(admin, "volumes", v, "{\"os-reset_status\": {\"status\": \"error\"}}").statusCode(202);
        action(a, "volumes", v, "{\"os-force_detach\": {\"attachment_id\": \"" + attachment + "\"}}").statusCode(403);
        action(admin, "volumes", v, "{\"os-force_detach\": {\"attachment_id\": \"" + UUID.randomUUID() + "\"}}").statusCode(404);
        action(admin, "volumes", v, "{\"os-force_detach\": {\"connector\": null, \"attachment_id\": \"" + attachment + "\"}}")
                .statusCode(202);
        a.show(v).body("volume.status", equalTo("available")).body("volume.attachments", empty());
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(202);
        a.awaitGone(v);
    }

    @Test
    void anAdminResetsAndForceDeletesSnapshotsAndTheirCreatorUpdatesTheStatus() {
        Api a = Api.member();
        Api admin = Api.admin();
        String v = a.availableVolume();
        String shared = snapshot(a, v);
        a.req().get(a.url("/snapshots/" + shared)).then().body("snapshot.'os-extended-snapshot-attributes:progress'", equalTo("100%"));

        action(a, "snapshots", shared, "{\"os-reset_status\": {\"status\": \"creating\"}}").statusCode(403);
        action(admin, "snapshots", shared, "{\"os-reset_status\": {\"status\": \"nonsense\"}}").statusCode(400);
        action(admin, "snapshots", shared, "{\"os-reset_status\": {\"status\": \"creating\"}}").statusCode(202);
        a.awaitSnapshot(shared, "creating");
        action(a, "snapshots", shared, "{\"os-update_snapshot_status\": {\"status\": \"deleting\"}}").statusCode(400);
        action(a, "snapshots", shared, "{\"os-update_snapshot_status\": {\"status\": \"error\", \"progress\": \"180%\"}}")
                .statusCode(400);
        action(a, "snapshots", shared, "{\"os-update_snapshot_status\": {\"status\": \"error\", \"progress\": \"80%\"}}")
                .statusCode(202);
        admin.req().get(admin.url("/snapshots/" + shared)).then().body("snapshot.status", equalTo("error"))
                .body("snapshot.'os-extended-snapshot-attributes:progress'", equalTo("80%"));
        action(a, "snapshots", shared, "{\"os-update_snapshot_status\": {\"status\": \"available\"}}").statusCode(400)
                .body("badRequest.message", equalTo("Snapshot status error not allowed for update_snapshot_status"));
        action(admin, "snapshots", shared, "{\"os-reset_status\": {\"status\": \"available\"}}").statusCode(202);

        for (String status : new String[] {"creating", "deleting", "error", "error_deleting"}) {
            String s = snapshot(a, v);
            action(admin, "snapshots", s, "{\"os-reset_status\": {\"status\": \"" + status + "\"}}").statusCode(202);
            a.awaitSnapshot(s, status);
            action(a, "snapshots", s, "{\"os-force_delete\": {}}").statusCode(403);
            action(admin, "snapshots", s, "{\"os-force_delete\": {}}").statusCode(202);
            a.awaitSnapshot(s, "gone");
            assertFalse(Files.exists(file("snapshot-" + s + ".qcow2")), "folded into its child");
        }
        a.req().get(a.url("/snapshots?volume_id=" + v)).then().body("snapshots", hasSize(1));
        a.req().get(a.url("/snapshots/" + shared)).then().body("snapshot.status", equalTo("available"));
    }

    static String snapshot(Api a, String volume) {
        String id = a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/snapshots"))
                .then().statusCode(202).extract().path("snapshot.id");
        a.awaitSnapshot(id, "available");
        return id;
    }
}
