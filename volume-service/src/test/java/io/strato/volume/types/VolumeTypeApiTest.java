package io.strato.volume.types;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Volume types: admins manage them and their extra specs, members see the public ones and use them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VolumeTypeApiTest {

    @Test
    void anAdminManagesTypesAndAMemberUsesThem() {
        Api admin = Api.admin();
        Api a = Api.member();
        String name = "ssd-" + UUID.randomUUID();
        a.req().body("{\"volume_type\": {\"name\": \"" + name + "\"}}").post(a.url("/types")).then().statusCode(403)
                .body("forbidden.code", equalTo(403));
        String id = admin.req().body("{\"volume_type\": {\"name\": \"" + name + "\", \"description\": \"fast\"}}")
                .post(admin.url("/types")).then().statusCode(200).body("volume_type.name", equalTo(name))
                .body("volume_type.is_public", equalTo(true)).extract().path("volume_type.id");
        admin.req().body("{\"volume_type\": {\"name\": \"" + name + "\"}}").post(admin.url("/types")).then().statusCode(409);
        admin.req().body("{\"extra_specs\": {\"storage_tier\": \"ssd\"}}").post(admin.url("/types/" + id + "/extra_specs"))
                .then().statusCode(200).body("extra_specs.storage_tier", equalTo("ssd"));
        admin.req().body("{\"extra_specs\": {\"volume_backend_name\": \"nowhere\"}}")
                .post(admin.url("/types/" + id + "/extra_specs")).then().statusCode(400);
        a.req().get(a.url("/types")).then().statusCode(200).body("volume_types.name", hasItem(name));
        a.req().get(a.url("/types/" + id)).then().statusCode(200).body("volume_type.extra_specs", equalTo(Map.of()))
                .body("volume_type.os-volume-type-access:is_public", equalTo(true)).body("volume_type", not(hasKey("qos_specs_id")));
        admin.req().get(admin.url("/types/" + id)).then().body("volume_type.extra_specs.storage_tier", equalTo("ssd"))
                .body("volume_type.qos_specs_id", equalTo(null)).body("volume_type", hasKey("qos_specs_id"));
        a.req().get(a.url("/types/" + id + "/extra_specs/storage_tier")).then().statusCode(404);
        a.req().get(a.url("/types/default")).then().statusCode(200).body("volume_type.name", equalTo("__DEFAULT__"));

        String vol = a.createVolume("{\"volume\": {\"size\": 1, \"volume_type\": \"" + name + "\"}}");
        a.show(vol).body("volume.volume_type", equalTo(name));
        a.await(vol, "available");
        admin.req().delete(admin.url("/types/" + id)).then().statusCode(400);
        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(202);
        a.awaitGone(vol);

        admin.req().delete(admin.url("/types/" + id + "/extra_specs/storage_tier")).then().statusCode(202);
        admin.req().get(admin.url("/types/" + id + "/extra_specs/storage_tier")).then().statusCode(404);
        admin.req().delete(admin.url("/types/" + id)).then().statusCode(202);
        admin.req().get(admin.url("/types/" + id)).then().statusCode(404).body("itemNotFound.code", equalTo(404));
    }

    @Test
    void aVolumeIsRetypedWithinItsBackendAndThePerTypeQuota() {
        Api admin = Api.admin();
        Api a = Api.member();
        String gold = "gold-" + UUID.randomUUID();
        String full = "full-" + UUID.randomUUID();
        admin.req().body("{\"volume_type\": {\"name\": \"" + gold + "\"}}").post(admin.url("/types")).then().statusCode(200);
        admin.req().body("{\"volume_type\": {\"name\": \"" + full + "\"}}").post(admin.url("/types")).then().statusCode(200);
        admin.req().body("{\"quota_set\": {\"volumes_" + full + "\": 0}}").put(admin.url("/os-quota-sets/" + a.project()))
                .then().statusCode(200);
        String vol = a.createVolume("{\"volume\": {\"size\": 1}}");
        a.await(vol, "available");
        a.req().body("{\"os-retype\": {\"new_type\": \"" + gold + "\", \"migration_policy\": \"never\"}}")
                .post(a.url("/volumes/" + vol + "/action")).then().statusCode(202);
        a.show(vol).body("volume.volume_type", equalTo(gold));
        a.req().body("{\"os-retype\": {\"new_type\": \"" + gold + "\"}}").post(a.url("/volumes/" + vol + "/action"))
                .then().statusCode(400);
        a.req().body("{\"os-retype\": {\"new_type\": \"" + full + "\"}}").post(a.url("/volumes/" + vol + "/action"))
                .then().statusCode(413);
        a.req().body("{\"os-retype\": {\"new_type\": \"nope-" + UUID.randomUUID() + "\"}}")
                .post(a.url("/volumes/" + vol + "/action")).then().statusCode(404);
        a.show(vol).body("volume.volume_type", equalTo(gold));
        a.req().body("{\"os-set_bootable\": {\"bootable\": true}}").post(a.url("/volumes/" + vol + "/action"))
                .then().statusCode(200);
        a.show(vol).body("volume.bootable", equalTo("true"));
        a.req().body("{\"os-set_bootable\": {\"bootable\": \"maybe\"}}").post(a.url("/volumes/" + vol + "/action"))
                .then().statusCode(400);
    }

    @Test
    void aPrivateTypeIsHiddenFromMembers() {
        Api admin = Api.admin();
        Api a = Api.member();
        String name = "private-" + UUID.randomUUID();
        String id = admin.req().body("{\"volume_type\": {\"name\": \"" + name + "\", \"os-volume-type-access:is_public\": false}}")
                .post(admin.url("/types")).then().statusCode(200).body("volume_type.is_public", equalTo(false))
                .extract().path("volume_type.id");
        a.req().get(a.url("/types")).then().body("volume_types.name", not(hasItem(name)));
        a.req().get(a.url("/types/" + id)).then().statusCode(404);
        admin.req().get(admin.url("/types?is_public=false")).then().body("volume_types.name", hasItem(name));
        a.req().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + id + "\"}}").post(a.url("/volumes")).then().statusCode(404);
        admin.req().get(admin.url("/types/" + id + "/os-volume-type-access")).then().statusCode(200)
                .body("volume_type_access", equalTo(List.of()));

        // os-volume-type-access: the project given access sees and uses the type, others still do not
        String add = "{\"addProjectAccess\": {\"project\": \"" + a.project() + "\"}}";
        a.req().body(add).post(a.url("/types/" + id + "/action")).then().statusCode(403);
        admin.req().body(add).post(admin.url("/types/" + id + "/action")).then().statusCode(202);
        admin.req().body(add).post(admin.url("/types/" + id + "/action")).then().statusCode(409);
        admin.req().get(admin.url("/types/" + id + "/os-volume-type-access")).then().statusCode(200)
                .body("volume_type_access", equalTo(List.of(Map.of("volume_type_id", id, "project_id", a.project()))));
        a.req().get(a.url("/types")).then().body("volume_types.name", hasItem(name));
        a.req().get(a.url("/types/" + id)).then().statusCode(200);
        Api other = Api.member();
        other.req().get(other.url("/types/" + id)).then().statusCode(404);
        String vol = a.createVolume("{\"volume\": {\"size\": 1, \"volume_type\": \"" + id + "\"}}");
        a.show(vol).body("volume.volume_type", equalTo(name));
        a.await(vol, "available");
        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(202);
        a.awaitGone(vol);
        String remove = "{\"removeProjectAccess\": {\"project\": \"" + a.project() + "\"}}";
        admin.req().body(remove).post(admin.url("/types/" + id + "/action")).then().statusCode(202);
        admin.req().body(remove).post(admin.url("/types/" + id + "/action")).then().statusCode(404);
        a.req().get(a.url("/types/" + id)).then().statusCode(404);
        admin.req().get(admin.url("/types/__DEFAULT__/os-volume-type-access")).then().statusCode(404);
        admin.req().body("{\"addProjectAccess\": {\"project\": \"x\"}}").post(admin.url("/types/__DEFAULT__/action"))
                .then().statusCode(400);
        admin.req().delete(admin.url("/types/" + id)).then().statusCode(202);
        admin.req().delete(admin.url("/types/" + UUID.randomUUID())).then().statusCode(404);
        admin.req().get(admin.url("/types/default")).then().extract().path("volume_type.id");
    }
}
