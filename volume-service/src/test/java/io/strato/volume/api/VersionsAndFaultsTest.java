package io.strato.volume.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version discovery, microversion negotiation, the project in the path, and Cinder's fault bodies. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VersionsAndFaultsTest {

    @Test
    void theRootListsV3WithItsMicroversionRange() {
        given().get("/").then().statusCode(300)
                .body("versions[0].id", equalTo("v3.0"))
                .body("versions[0].status", equalTo("CURRENT"))
                .body("versions[0].min_version", equalTo("3.0"))
                .body("versions[0].version", equalTo(Microversions.MAX))
                .body("versions[0].links.find { it.rel == 'self' }.href", startsWith("http"));
        given().get("/v3/").then().statusCode(200).body("versions[0].id", equalTo("v3.0"));
    }

    @Test
    void theMicroversionAskedForIsServedAndOthersRefused() {
        Api a = Api.member();
        a.req().get(a.url("/types")).then().statusCode(200).header("OpenStack-API-Version", "volume 3.0");
        a.req().header("OpenStack-API-Version", "volume 3.0").get(a.url("/types")).then().statusCode(200)
                .header("OpenStack-API-Version", "volume 3.0");
        a.req().header("OpenStack-API-Version", "volume latest").get(a.url("/types")).then().statusCode(200)
                .header("OpenStack-API-Version", "volume " + Microversions.MAX);
        a.req().header("OpenStack-API-Version", "volume 3.999").get(a.url("/types")).then().statusCode(406);
        a.req().header("OpenStack-API-Version", "volume 2.0").get(a.url("/types")).then().statusCode(406);
        // numbers past an int are out of range, not a 500 (found by tests/fuzz)
        a.req().header("OpenStack-API-Version", "volume 99999999999999999999.1").get(a.url("/types")).then().statusCode(406);
        a.req().header("OpenStack-API-Version", "volume 3.99999999999999999999").get(a.url("/types")).then().statusCode(406);
        a.req().header("OpenStack-API-Version", "volume three").get(a.url("/types")).then().statusCode(400)
                .body("badRequest.code", equalTo(400));
    }

    @Test
    void errorsAreCinderFaults() {
        Api a = Api.member();
        a.req().get(a.url("/volumes/00000000-0000-0000-0000-000000000000")).then().statusCode(404)
                .body("itemNotFound.code", equalTo(404))
                .body("itemNotFound.message", startsWith("Volume 00000000-0000-0000-0000-000000000000"));
        a.req().get(a.url("/volumes/not-a-uuid")).then().statusCode(404).body("$", hasKey("itemNotFound"));
        a.req().body("{\"volume\": ").post(a.url("/volumes")).then().statusCode(400).body("badRequest.code", equalTo(400));
        a.req().body("{\"volume\": {\"size\": -5}}").post(a.url("/volumes")).then().statusCode(400)
                .body("badRequest.message", startsWith("Invalid input for field/attribute size"));
        a.req().body("{\"volume\": {\"size\": \"big\"}}").post(a.url("/volumes")).then().statusCode(400);
        a.req().body("{\"volume\": {\"size\": 1.5}}").post(a.url("/volumes")).then().statusCode(400);
        a.req().body("[]").post(a.url("/volumes")).then().statusCode(400);
        // only canonical UUIDs are ids (Java's UUID.fromString would read 1-1-1-1-1 as one)
        a.req().body("{\"volume\": {\"size\": 1, \"snapshot_id\": \"1-1-1-1-1\"}}").post(a.url("/volumes")).then()
                .statusCode(400).body("badRequest.message", startsWith("Invalid input for field/attribute snapshot_id"));
        a.req().body("{\"volume\": {\"size\": 1, \"availability_zone\": \"mars\"}}").post(a.url("/volumes"))
                .then().statusCode(400);
        a.req().body("{\"volume\": {\"size\": 1, \"volume_type\": \"no-such-type\"}}").post(a.url("/volumes"))
                .then().statusCode(404).body("$", hasKey("itemNotFound"));
        given().get(a.url("/volumes")).then().statusCode(401).body("unauthorized.code", equalTo(401));
        // an empty id (Tempest's test_get_volume_without_passing_volume_id): no route, Cinder's JSON 404
        a.req().get(a.url("/volumes/")).then().statusCode(404).contentType(io.restassured.http.ContentType.JSON)
                .body("itemNotFound.code", equalTo(404));
        a.req().delete(a.url("/volumes/")).then().statusCode(404).body("$", hasKey("itemNotFound"));
        a.req().get(a.url("/volumes")).then().statusCode(200);
    }

    @Test
    void actionAndKeyBodiesOfTheWrongShapeAreCinder400s() {
        Api a = Api.member();
        Api admin = Api.admin();
        String id = a.createVolume("{\"volume\": {\"size\": 1}}");
        String action = a.url("/volumes/" + id + "/action");
        a.req().body("{\"os-migrate_volume\": {\"host\": \"h\"}}").post(action).then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: os-migrate_volume"));
        a.req().body("{\"os-extend\": {\"new_size\": 2}, \"os-reserve\": null}").post(action).then().statusCode(400)
                .body("badRequest.message", startsWith("The action body must name exactly one action"));
        a.req().body("{}").post(action).then().statusCode(400)
                .body("badRequest.message", startsWith("The action body must name exactly one action"));
        a.req().body("{\"os-extend\": {}}").post(action).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute os-extend: new_size is required."));
        a.req().body("{\"os-extend\": null}").post(action).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute os-extend: new_size is required."));
        for (String bad : List.of("{\"os-extend\": ", "[]", "\"os-extend\"", "")) {
            a.req().body(bad).post(action).then().statusCode(400).body("badRequest.code", equalTo(400));
        }
        String qos = admin.req().body("{\"qos_specs\": {\"name\": \"q-" + java.util.UUID.randomUUID() + "\"}}")
                .post(admin.url("/qos-specs")).then().statusCode(200).extract().path("qos_specs.id");
        for (String bad : List.of("{\"qos_specs\": ", "{\"qos_specs\": 5}", "{}", "[]", "")) {
            admin.req().body(bad).put(admin.url("/qos-specs/" + qos)).then().statusCode(400).body("badRequest.code", equalTo(400));
        }
        for (String bad : List.of("{\"keys\": ", "{\"keys\": \"a\"}", "{\"keys\": [{}]}", "{}", "")) {
            admin.req().body(bad).put(admin.url("/qos-specs/" + qos + "/delete_keys")).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
        String type = admin.req().body("{\"volume_type\": {\"name\": \"t-" + java.util.UUID.randomUUID() + "\"}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");
        for (String bad : List.of("{\"k\": ", "{\"other\": \"v\"}", "{\"k\": \"v\", \"j\": \"w\"}", "[\"k\"]", "")) {
            admin.req().body(bad).put(admin.url("/types/" + type + "/extra_specs/k")).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
        admin.req().body("{\"k\": \"v\"}").put(admin.url("/types/" + type + "/extra_specs/k")).then().statusCode(200)
                .body("k", equalTo("v"));
        for (String bad : List.of("{\"metadata\": ", "{\"metadata\": [1]}", "{\"meta\": {\"a\": \"b\"}}", "[]", "")) {
            a.req().body(bad).post(a.url("/volumes/" + id + "/metadata")).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
        for (String bad : List.of("{\"meta\": ", "{\"meta\": [\"a\"]}", "{\"metadata\": {\"a\": \"b\"}}", "[]", "")) {
            a.req().body(bad).put(a.url("/volumes/" + id + "/metadata/a")).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
    }

    @Test
    void anotherProjectsUrlIsForbiddenToAMember() {
        Api a = Api.member();
        Api b = Api.member();
        a.req().get(b.url("/volumes")).then().statusCode(403).body("forbidden.code", equalTo(403));
        a.req().body("{\"volume\": {\"size\": 1}}").post(b.url("/volumes")).then().statusCode(403);
    }

    @Test
    void everyResourceRefusesAnotherProjectsUrlThenAppliesItsOwnRule() {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        String notOurs = "The project in the URL (" + b.project() + ") is not the project of the token.";
        for (String path : List.of("/volumes", "/volumes/detail", "/snapshots", "/snapshots/detail", "/types",
                "/types/default", "/qos-specs", "/os-quota-sets/" + a.project(), "/limits",
                "/scheduler-stats/get_pools")) {
            a.req().get(b.url(path)).then().statusCode(403).body("forbidden.message", equalTo(notOurs));
        }
        a.req().header("OpenStack-API-Version", "volume 3.27").get(b.url("/attachments")).then().statusCode(403)
                .body("forbidden.message", equalTo(notOurs));
        a.req().body("{\"quota_set\": {\"volumes\": 5}}").put(b.url("/os-quota-sets/" + a.project())).then()
                .statusCode(403).body("forbidden.message", equalTo(notOurs));

        a.req().get(a.url("/qos-specs")).then().statusCode(403)
                .body("forbidden.message", equalTo(denied("volume_extension:types_manage")));
        a.req().get(a.url("/scheduler-stats/get_pools")).then().statusCode(403)
                .body("forbidden.message", equalTo(denied("volume_extension:types_manage")));
        a.req().body("{\"quota_set\": {\"volumes\": 5}}").put(a.url("/os-quota-sets/" + a.project())).then()
                .statusCode(403)
                .body("forbidden.message", equalTo(denied("volume_extension:quotas:update")));
        a.req().get(a.url("/os-quota-sets/" + b.project())).then().statusCode(403)
                .body("forbidden.message", equalTo("Policy doesn't allow volume_extension:quotas:show to be performed."));
        a.req().get(a.url("/types")).then().statusCode(200);
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().statusCode(200);

        admin.req().get(b.url("/types")).then().statusCode(200);
        admin.req().get(b.url("/qos-specs")).then().statusCode(200);
        admin.req().get(b.url("/os-quota-sets/" + b.project())).then().statusCode(200);
    }

    /** The fault message of a rule that refused the caller (the policy's own wording, not Cinder's quota one). */
    private static String denied(String rule) {
        return "You are not authorized to perform the requested action: " + rule + ".";
    }
}
