package io.strato.volume.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Generic volume groups, group types and group snapshots (Cinder 3.11 to 3.20), as Tempest's admin group tests use them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class GroupApiTest {
    private static final String V = "volume 3.20";

    static io.restassured.specification.RequestSpecification at(Api a) {
        return a.req().header("OpenStack-API-Version", V);
    }

    /** At 3.25, where {@code list_volume=true} lists a group's volumes. */
    static io.restassured.specification.RequestSpecification at25(Api a) {
        return a.req().header("OpenStack-API-Version", "volume 3.25");
    }

    static String groupType(Api admin) {
        return at(admin).body("{\"group_type\": {\"name\": \"gt-" + UUID.randomUUID() + "\"}}")
                .post(admin.url("/group_types")).then().statusCode(202).extract().path("group_type.id");
    }

    static String volumeType(Api admin) {
        return admin.req().body("{\"volume_type\": {\"name\": \"vt-" + UUID.randomUUID() + "\"}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");
    }

    static String group(Api a, String groupType, String volumeType) {
        return at(a).body("{\"group\": {\"name\": \"g\", \"group_type\": \"" + groupType + "\", \"volume_types\": [\""
                        + volumeType + "\"]}}")
                .post(a.url("/groups")).then().statusCode(202).body("group.name", equalTo("g")).extract().path("group.id");
    }

    static String volumeIn(Api a, String volumeType, String group) {
        String id = at(a).body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + volumeType + "\", \"group_id\": \"" + group + "\"}}")
                .post(a.url("/volumes")).then().statusCode(202).body("volume.group_id", equalTo(group)).extract().path("volume.id");
        a.await(id, "available");
        return id;
    }

    static void awaitStatus(Api a, String path, String key, String status) {
        Awaitility.await(path + " becoming " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(at(a).get(a.url(path)).then().statusCode(200).extract().path(key + ".status")));
    }

    static void awaitGone(Api a, String path) {
        Awaitility.await(path + " gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> at(a).get(a.url(path)).statusCode() == 404);
    }

    @Test
    void groupTypesAndTheirSpecs() {
        Api admin = Api.admin();
        Api member = Api.member();
        String name = "gt-" + UUID.randomUUID();
        String id = at(admin).body("{\"group_type\": {\"name\": \"" + name + "\", \"description\": \"d\", \"is_public\": true,"
                        + " \"group_specs\": {\"consistent_group_snapshot_enabled\": \"<is> False\"}}}")
                .post(admin.url("/group_types")).then().statusCode(202).body("group_type.name", equalTo(name))
                .body("group_type.group_specs.consistent_group_snapshot_enabled", equalTo("<is> False"))
                .extract().path("group_type.id");
        // a name is unique; below 3.11 the API is not there
        at(admin).body("{\"group_type\": {\"name\": \"" + name + "\"}}").post(admin.url("/group_types")).then().statusCode(409);
        admin.req().get(admin.url("/group_types")).then().statusCode(404);
        at(admin).body("{\"group_type\": {\"description\": \"new\"}}").put(admin.url("/group_types/" + id)).then()
                .statusCode(200).body("group_type.description", equalTo("new")).body("group_type.name", equalTo(name));
        // members read public types without their specs, and cannot manage them
        at(member).get(member.url("/group_types/" + id)).then().statusCode(200).body("group_type", not(hasKey("group_specs")));
        at(member).body("{\"group_type\": {\"name\": \"x\"}}").post(member.url("/group_types")).then().statusCode(403);

        at(admin).body("{\"group_specs\": {\"key1\": \"value1\", \"key2\": \"value2\"}}").post(admin.url("/group_types/" + id + "/group_specs"))
                .then().statusCode(202).body("group_specs.key1", equalTo("value1"));
        at(admin).body("{\"key2\": \"v2\"}").put(admin.url("/group_types/" + id + "/group_specs/key2")).then().statusCode(200)
                .body("key2", equalTo("v2"));
        at(admin).get(admin.url("/group_types/" + id + "/group_specs/key2")).then().statusCode(200).body("key2", equalTo("v2"));
        at(admin).get(admin.url("/group_types/" + id + "/group_specs")).then().statusCode(200)
                .body("group_specs.key1", equalTo("value1")).body("group_specs.key2", equalTo("v2"));
        at(admin).delete(admin.url("/group_types/" + id + "/group_specs/key1")).then().statusCode(202);
        at(admin).get(admin.url("/group_types/" + id + "/group_specs/key1")).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        // a private type is not listed by is_public=true, and not shown to members
        String hidden = at(admin).body("{\"group_type\": {\"name\": \"b-" + UUID.randomUUID() + "\", \"is_public\": false}}")
                .post(admin.url("/group_types")).then().statusCode(202).extract().path("group_type.id");
        List<String> publicOnes = at(admin).get(admin.url("/group_types?is_public=true")).then().statusCode(200).extract().path("group_types.id");
        assertEquals(false, publicOnes.contains(hidden));
        at(member).get(member.url("/group_types/" + hidden)).then().statusCode(404);
        at(admin).delete(admin.url("/group_types/" + id)).then().statusCode(202);
        at(admin).get(admin.url("/group_types/" + id)).then().statusCode(404);
    }

    @Test
    void aGroupHoldsVolumesAndIsDeletedWithThem() {
        Api admin = Api.admin();
        Api a = Api.member();
        String gt = groupType(admin);
        String vt = volumeType(admin);
        String g = group(a, gt, vt);
        awaitStatus(a, "/groups/" + g, "group", "available");
        at(a).get(a.url("/groups/" + g)).then().statusCode(200).body("group.group_type", equalTo(gt))
                .body("group.volume_types", equalTo(List.of(vt))).body("group.source_group_id", nullValue());
        // a volume of another type cannot join; the group's type cannot go while the group holds it
        at(a).body("{\"volume\": {\"size\": 1, \"group_id\": \"" + g + "\"}}").post(a.url("/volumes")).then().statusCode(400);
        at(admin).delete(admin.url("/group_types/" + gt)).then().statusCode(400);
        String v1 = volumeIn(a, vt, g);
        String v2 = volumeIn(a, vt, g);
        // a volume of a group is not deleted alone, as in Cinder
        a.req().delete(a.url("/volumes/" + v1)).then().statusCode(400);

        at(a).body("{\"group\": {\"name\": \"new\", \"remove_volumes\": \"" + v2 + "\"}}").put(a.url("/groups/" + g)).then().statusCode(202);
        at(a).get(a.url("/volumes/" + v2)).then().body("volume.group_id", nullValue());
        at(a).get(a.url("/groups/" + g)).then().body("group.name", equalTo("new"));
        at(a).body("{\"group\": {\"add_volumes\": \"" + v2 + "\"}}").put(a.url("/groups/" + g)).then().statusCode(202);
        at(a).get(a.url("/volumes/" + v2)).then().body("volume.group_id", equalTo(g));
        at(a).body("{\"group\": {}}").put(a.url("/groups/" + g)).then().statusCode(400).body("badRequest.code", equalTo(400));
        at(a).get(a.url("/groups/" + g + "?list_volume=true")).then().body("group", not(hasKey("volumes")));
        at25(a).get(a.url("/groups/" + g + "?list_volume=true")).then().body("group.volumes", hasItem(v1));

        // another project sees nothing of it
        Api other = Api.member();
        at(other).get(other.url("/groups/" + g)).then().statusCode(404);

        at(a).body("{\"delete\": {\"delete-volumes\": false}}").post(a.url("/groups/" + g + "/action")).then().statusCode(400);
        at(a).body("{\"delete\": {\"delete-volumes\": true}}").post(a.url("/groups/" + g + "/action")).then().statusCode(202);
        a.awaitGone(v1);
        a.awaitGone(v2);
        awaitGone(a, "/groups/" + g);
        at(a).get(a.url("/groups/detail")).then().statusCode(200).body("groups", equalTo(List.of()));
    }

    @Test
    void groupSnapshotsAndGroupsFromSources() {
        Api admin = Api.admin();
        Api a = Api.member();
        String gt = groupType(admin);
        String vt = volumeType(admin);
        String g = group(a, gt, vt);
        String v = volumeIn(a, vt, g);
        String gs = at(a).body("{\"group_snapshot\": {\"group_id\": \"" + g + "\", \"name\": \"gs\"}}").post(a.url("/group_snapshots"))
                .then().statusCode(202).body("group_snapshot.group_type_id", equalTo(gt)).extract().path("group_snapshot.id");
        awaitStatus(a, "/group_snapshots/" + gs, "group_snapshot", "available");
        String snap = at(a).get(a.url("/snapshots/detail")).then().statusCode(200)
                .body("snapshots[0].group_snapshot_id", equalTo(gs)).extract().path("snapshots[0].id");
        at(a).get(a.url("/group_snapshots/detail")).then().body("group_snapshots.id", hasItem(gs))
                .body("group_snapshots[0].group_id", equalTo(g));
        // a group with a group snapshot cannot be deleted
        at(a).body("{\"delete\": {\"delete-volumes\": true}}").post(a.url("/groups/" + g + "/action")).then().statusCode(400);

        String fromSnap = at(a).body("{\"create-from-src\": {\"name\": \"from-snap\", \"group_snapshot_id\": \"" + gs + "\"}}")
                .post(a.url("/groups/action")).then().statusCode(202).body("group.name", equalTo("from-snap")).extract().path("group.id");
        awaitStatus(a, "/groups/" + fromSnap, "group", "available");
        at(a).get(a.url("/groups/" + fromSnap)).then().body("group.group_snapshot_id", equalTo(gs)).body("group.group_type", equalTo(gt));
        List<String> copied = at25(a).get(a.url("/groups/" + fromSnap + "?list_volume=true")).then().extract().path("group.volumes");
        assertEquals(1, copied.size());
        at(a).get(a.url("/volumes/" + copied.get(0))).then().body("volume.snapshot_id", equalTo(snap)).body("volume.status", equalTo("available"));

        String fromGroup = at(a).body("{\"create-from-src\": {\"name\": \"from-group\", \"source_group_id\": \"" + g + "\"}}")
                .post(a.url("/groups/action")).then().statusCode(202).extract().path("group.id");
        awaitStatus(a, "/groups/" + fromGroup, "group", "available");
        List<String> cloned = at25(a).get(a.url("/groups/" + fromGroup + "?list_volume=true")).then().extract().path("group.volumes");
        at(a).get(a.url("/volumes/" + cloned.get(0))).then().body("volume.source_volid", equalTo(v));

        // resets are admins' (3.19 for group snapshots, 3.20 for groups)
        at(a).body("{\"reset_status\": {\"status\": \"error\"}}").post(a.url("/group_snapshots/" + gs + "/action")).then().statusCode(403);
        at(admin).body("{\"reset_status\": {\"status\": \"error\"}}").post(admin.url("/group_snapshots/" + gs + "/action")).then().statusCode(202);
        at(a).get(a.url("/group_snapshots/" + gs)).then().body("group_snapshot.status", equalTo("error"));
        at(admin).body("{\"reset_status\": {\"status\": \"bogus\"}}").post(admin.url("/groups/" + g + "/action")).then().statusCode(400);
        at(admin).body("{\"reset_status\": {\"status\": \"creating\"}}").post(admin.url("/groups/" + fromGroup + "/action")).then().statusCode(202);
        at(a).get(a.url("/groups/" + fromGroup)).then().body("group.status", equalTo("creating"));
        at(admin).body("{\"reset_status\": {\"status\": \"available\"}}").post(admin.url("/groups/" + fromGroup + "/action")).then().statusCode(202);

        at(a).delete(a.url("/group_snapshots/" + gs)).then().statusCode(202);
        a.awaitSnapshot(snap, "gone");
        awaitGone(a, "/group_snapshots/" + gs);
        for (String grp : List.of(fromSnap, fromGroup, g)) {
            at(a).body("{\"delete\": {\"delete-volumes\": true}}").post(a.url("/groups/" + grp + "/action")).then().statusCode(202);
            awaitGone(a, "/groups/" + grp);
        }
    }
}
