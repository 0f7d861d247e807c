package io.strato.compute.proxy;

import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nova's os-volumes and os-snapshots proxies over a stub of volume-service. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(CinderStub.class)
class BlockStorageProxyTest {
    private static final String VOLUMES = "/v2.1/os-volumes";
    private static final String SNAPSHOTS = "/v2.1/os-snapshots";
    private final String project = newProject();
    private final String token = member(project);

    @Test
    void volumesAreCreatedListedShownAndDeletedInNovasShape() {
        io.restassured.response.ExtractableResponse<?> first = as(token).body("{\"volume\": {\"size\": \"1\","
                        + " \"display_name\": \"v1\", \"display_description\": \"d\", \"metadata\": {\"k\": \"v\"}}}")
                .post(VOLUMES).then().statusCode(200)
                .body("volume.displayDescription", equalTo("d"))
                .body("volume.metadata.k", equalTo("v")).extract();
        org.hamcrest.MatcherAssert.assertThat(first.header("Location"), endsWith(VOLUMES + "/" + first.path("volume.id")));
        String created = as(token).body("{\"volume\": {\"size\": 1, \"display_name\": \"v2\"}}").post(VOLUMES)
                .then().statusCode(200)
                .body("volume.displayName", equalTo("v2"))
                .body("volume.displayDescription", nullValue())
                .body("volume.size", equalTo(1))
                .body("volume.status", equalTo("available"))
                .body("volume.availabilityZone", equalTo("nova"))
                .body("volume.volumeType", equalTo("__DEFAULT__"))
                .body("volume.snapshotId", nullValue())
                .body("volume.createdAt", equalTo("2026-12-05T10:00:00.000000"))
                .body("volume.metadata", aMapWithSize(0))
                .body("volume.attachments", hasSize(1))
                .body("volume.attachments[0]", aMapWithSize(0))
                .extract().path("volume.id");
        as(reader(project)).get(VOLUMES + "/{id}", created).then().statusCode(200).body("volume.id", equalTo(created));
        as(token).get(VOLUMES).then().statusCode(200).body("volumes", hasSize(2));
        as(token).get(VOLUMES + "/detail?limit=1").then().statusCode(200).body("volumes", hasSize(1));
        as(token).get(VOLUMES + "/detail?limit=1&offset=1").then().statusCode(200).body("volumes", hasSize(1));
        as(token).get(VOLUMES + "?offset=2").then().statusCode(200).body("volumes", hasSize(0));
        as(member(newProject())).get(VOLUMES).then().statusCode(200).body("volumes", hasSize(0));
        as(token).delete(VOLUMES + "/{id}", created).then().statusCode(202);
        as(token).get(VOLUMES + "/{id}", created).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + created + " could not be found."));
        as(token).delete(VOLUMES + "/{id}", created).then().statusCode(404);
    }

    @Test
    void anAttachedVolumeShowsItsFirstAttachmentAndIsNotDeleted() {
        String id = as(token).body("{\"volume\": {\"size\": 1, \"display_name\": \"in-use\"}}").post(VOLUMES)
                .then().statusCode(200)
                .body("volume.attachments[0].device", equalTo("/dev/vdb"))
                .body("volume.attachments[0].serverId", not(nullValue()))
                .extract().path("volume.id");
        as(token).get(VOLUMES + "/{id}", id).then().statusCode(200)
                .body("volume.attachments[0].id", equalTo(id))
                .body("volume.attachments[0].volumeId", equalTo(id));
        as(token).delete(VOLUMES + "/{id}", id).then().statusCode(400)
                .body("badRequest.message", containsString("Invalid volume"));
    }

    @Test
    void badVolumeBodiesAreNovasSchema400s() {
        as(token).body("{\"volume\": {\"size\": \"#$%\"}}").post(VOLUMES).then().statusCode(400)
                .body("badRequest.code", equalTo(400));
        as(token).body("{\"volume\": {\"display_name\": \"x\"}}").post(VOLUMES).then().statusCode(400)
                .body("badRequest.message", containsString("'size' is a required property"));
        as(token).body("{\"volume\": {\"size\": 0}}").post(VOLUMES).then().statusCode(400);
        as(token).body("{\"volume\": {\"size\": 1, \"name\": \"x\"}}").post(VOLUMES).then().statusCode(400)
                .body("badRequest.message", containsString("'name' was unexpected"));
        as(token).body("{\"size\": 1}").post(VOLUMES).then().statusCode(400);
        as(token).post(VOLUMES).then().statusCode(400);
        as(token).get(VOLUMES + "?limit=-1").then().statusCode(400)
                .body("badRequest.message", equalTo("limit param must be positive"));
        as(token).get(VOLUMES + "?offset=x").then().statusCode(400);
        // over quota (Cinder's 413) is Nova's 403
        as(token).body("{\"volume\": {\"size\": 500}}").post(VOLUMES).then().statusCode(403);
        as(reader(project)).body("{\"volume\": {\"size\": 1}}").post(VOLUMES).then().statusCode(403);
        as(token).get(VOLUMES + "/{id}", UUID.randomUUID()).then().statusCode(404);
        // no empty id in Nova's routes
        as(token).get(VOLUMES + "/").then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(token).delete(VOLUMES + "/").then().statusCode(404);
        as(token).delete(VOLUMES).then().statusCode(404);
        as(token).get(SNAPSHOTS + "/").then().statusCode(404);
        as(token, 36).get(VOLUMES).then().statusCode(404);
        as(token, 36).get(SNAPSHOTS).then().statusCode(404);
    }

    @Test
    void snapshotsAreCreatedListedShownAndDeleted() {
        String volume = as(token).body("{\"volume\": {\"size\": 2}}").post(VOLUMES).then().statusCode(200)
                .extract().path("volume.id");
        String id = as(token).body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"force\": \"false\","
                        + " \"display_name\": \"s1\"}}").post(SNAPSHOTS).then().statusCode(200)
                .body("snapshot.volumeId", equalTo(volume))
                .body("snapshot.size", equalTo(2))
                .body("snapshot.displayName", equalTo("s1"))
                .body("snapshot.displayDescription", nullValue())
                .body("snapshot.status", equalTo("available"))
                .extract().path("snapshot.id");
        as(reader(project)).get(SNAPSHOTS + "/{id}", id).then().statusCode(200).body("snapshot.id", equalTo(id));
        as(token).get(SNAPSHOTS).then().statusCode(200).body("snapshots.id", contains(id));
        as(token).get(SNAPSHOTS + "/detail").then().statusCode(200).body("snapshots.id", contains(id));
        // a volume from the snapshot takes its size
        as(token).body("{\"volume\": {\"size\": 3, \"snapshot_id\": \"" + id + "\"}}").post(VOLUMES).then().statusCode(200)
                .body("volume.snapshotId", equalTo(id));
        as(token).delete(SNAPSHOTS + "/{id}", id).then().statusCode(202);
        as(token).get(SNAPSHOTS + "/{id}", id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Snapshot " + id + " could not be found."));
        as(token).body("{\"volume\": {\"size\": 3, \"snapshot_id\": \"" + id + "\"}}").post(VOLUMES).then().statusCode(404);
        String missing = UUID.randomUUID().toString();
        as(token).body("{\"snapshot\": {\"volume_id\": \"" + missing + "\"}}").post(SNAPSHOTS).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + missing + " could not be found."));
        as(token).body("{\"snapshot\": {\"display_name\": \"s\"}}").post(SNAPSHOTS).then().statusCode(400);
        as(token).body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"force\": \"maybe\"}}").post(SNAPSHOTS)
                .then().statusCode(400);
        as(token).delete(SNAPSHOTS + "/{id}", id).then().statusCode(404);
    }
}
