package io.strato.volume.quotas;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Quota sets, limits, and creates racing for the last unit of a quota. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class QuotaApiTest {

    private static void setQuota(Api admin, String project, String json) {
        admin.req().body("{\"quota_set\": " + json + "}").put(admin.url("/os-quota-sets/" + project)).then().statusCode(200);
    }

    @Test
    void anAdminSetsQuotasAndAMemberOnlyReadsItsOwn() {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().statusCode(200)
                .body("quota_set.volumes", equalTo(10)).body("quota_set.gigabytes", equalTo(1000));
        a.req().get(a.url("/os-quota-sets/" + b.project())).then().statusCode(403);
        a.req().body("{\"quota_set\": {\"volumes\": 100}}").put(a.url("/os-quota-sets/" + a.project())).then().statusCode(403);
        admin.req().body("{\"quota_set\": {\"volumes\": \"many\"}}").put(admin.url("/os-quota-sets/" + a.project()))
                .then().statusCode(400);
        admin.req().body("{\"quota_set\": {\"floppies\": 1}}").put(admin.url("/os-quota-sets/" + a.project()))
                .then().statusCode(400);
        setQuota(admin, a.project(), "{\"volumes\": 3, \"gigabytes\": 5}");
        a.createVolume("{\"volume\": {\"size\": 2}}");
        a.req().get(a.url("/os-quota-sets/" + a.project() + "?usage=true")).then().statusCode(200)
                .body("quota_set.volumes.limit", equalTo(3)).body("quota_set.volumes.in_use", equalTo(1))
                .body("quota_set.gigabytes.in_use", equalTo(2));
        a.req().get(a.url("/limits")).then().statusCode(200)
                .body("limits.absolute.maxTotalVolumes", equalTo(3)).body("limits.absolute.totalGigabytesUsed", equalTo(2));
        a.req().body("{\"volume\": {\"size\": 4}}").post(a.url("/volumes")).then().statusCode(413)
                .body("overLimit.code", equalTo(413));
    }

    @Test
    void aLimitOverTheLargestIntegerIsRefusedNotTruncated() {
        Api a = Api.member();
        Api admin = Api.admin();
        setQuota(admin, a.project(), "{\"volumes\": 7}");
        // 4294967295 truncated to an int was -1: unlimited; Cinder refuses anything over its MAX_INT
        for (String over : List.of("4294967295", "\"4294967295\"", "2147483648", "99999999999999999999999")) {
            admin.req().body("{\"quota_set\": {\"volumes\": " + over + "}}").put(admin.url("/os-quota-sets/" + a.project()))
                    .then().statusCode(400).body("badRequest.code", equalTo(400))
                    .body("badRequest.message", containsString("must be <= 2147483647"));
        }
        admin.req().body("{\"quota_set\": {\"gigabytes\": -2}}").put(admin.url("/os-quota-sets/" + a.project()))
                .then().statusCode(400).body("badRequest.message", containsString("-1 or greater"));
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().statusCode(200).body("quota_set.volumes", equalTo(7));
        setQuota(admin, a.project(), "{\"volumes\": 2147483647, \"gigabytes\": \"-1\"}");
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().statusCode(200)
                .body("quota_set.volumes", equalTo(2147483647)).body("quota_set.gigabytes", equalTo(-1));
    }

    @Test
    void aMalformedQuotaBodyIsA400() {
        Api a = Api.member();
        Api admin = Api.admin();
        for (String bad : List.of("{\"quota_set\": ", "{\"quota_set\": 5}", "[1]", "{\"quota_set\": {\"volumes\": [1]}}",
                "{\"quota_set\": {\"volumes\": 1.5}}", "{}", "")) {
            admin.req().body(bad).put(admin.url("/os-quota-sets/" + a.project())).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
    }

    @Test
    void concurrentCreatesNeverPassTheVolumesQuota() throws Exception {
        Api a = Api.member();
        Api admin = Api.admin();
        setQuota(admin, a.project(), "{\"volumes\": 3}");
        assertEquals(List.of(202, 202, 202, 413, 413, 413, 413, 413), race(a, 8, "{\"volume\": {\"size\": 1}}"));
        a.req().get(a.url("/volumes")).then().body("volumes.size()", equalTo(3));
    }

    @Test
    void concurrentCreatesNeverPassTheGigabytesQuota() throws Exception {
        Api a = Api.member();
        Api admin = Api.admin();
        setQuota(admin, a.project(), "{\"gigabytes\": 10}");
        assertEquals(List.of(202, 202, 413, 413, 413, 413), race(a, 6, "{\"volume\": {\"size\": 4}}"));
    }

    @Test
    void perTypeQuotasLimitOnlyVolumesOfThatType() {
        Api a = Api.member();
        Api admin = Api.admin();
        String type = "gold-" + java.util.UUID.randomUUID();
        admin.req().body("{\"volume_type\": {\"name\": \"" + type + "\"}}").post(admin.url("/types")).then().statusCode(200);
        admin.req().body("{\"quota_set\": {\"volumes_no-such-type\": 1}}").put(admin.url("/os-quota-sets/" + a.project()))
                .then().statusCode(400);
        setQuota(admin, a.project(), "{\"volumes_" + type + "\": 1, \"gigabytes_" + type + "\": 3}");
        a.req().body("{\"volume\": {\"size\": 4, \"volume_type\": \"" + type + "\"}}").post(a.url("/volumes"))
                .then().statusCode(413);
        a.createVolume("{\"volume\": {\"size\": 2, \"volume_type\": \"" + type + "\"}}");
        a.req().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + type + "\"}}").post(a.url("/volumes"))
                .then().statusCode(413).body("overLimit.message", org.hamcrest.Matchers.containsString("volumes_" + type));
        a.createVolume("{\"volume\": {\"size\": 1}}");
        a.req().get(a.url("/os-quota-sets/" + a.project() + "?usage=true")).then().statusCode(200)
                .body("quota_set.'volumes_" + type + "'.limit", equalTo(1))
                .body("quota_set.'volumes_" + type + "'.in_use", equalTo(1))
                .body("quota_set.'gigabytes_" + type + "'.in_use", equalTo(2))
                .body("quota_set.'volumes___DEFAULT__'.limit", equalTo(-1));
    }

    /** Sends {@code n} creates at once; returns their statuses, sorted. */
    private static List<Integer> race(Api a, int n, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> a.req().body(body).post(a.url("/volumes")).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** Tempest's VolumeQuotasAdminTestJSON and VolumeQuotaClassesTest: every resource is settable, delete has no body. */
    @Test
    void everyResourceIsSetAndTheDefaultClassGivesEveryProjectItsDefaults() {
        Api a = Api.member();
        Api admin = Api.admin();
        setQuota(admin, a.project(), "{\"gigabytes\": 1009, \"volumes\": 11, \"snapshots\": 11, \"backups\": 11,"
                + " \"backup_gigabytes\": 1009, \"per_volume_gigabytes\": 2, \"groups\": 3}");
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().body("quota_set.backups", equalTo(11))
                .body("quota_set.backup_gigabytes", equalTo(1009)).body("quota_set.per_volume_gigabytes", equalTo(2))
                .body("quota_set.groups", equalTo(3));
        a.req().get(a.url("/limits")).then().body("limits.absolute.maxTotalBackups", equalTo(11));
        // per_volume_gigabytes: the largest volume, on create and extend (Cinder's VolumeSizeExceedsLimit, a 413)
        a.req().body("{\"volume\": {\"size\": 3}}").post(a.url("/volumes")).then().statusCode(413)
                .body("overLimit.message", equalTo("VolumeSizeExceedsLimit: Requested volume size 3G is larger than maximum"
                        + " allowed limit 2G."));
        String v = a.availableVolume();
        a.req().body("{\"os-extend\": {\"new_size\": 3}}").post(a.url("/volumes/" + v + "/action")).then().statusCode(413);
        a.req().body("{\"os-extend\": {\"new_size\": 2}}").post(a.url("/volumes/" + v + "/action")).then().statusCode(202);
        admin.req().delete(admin.url("/os-quota-sets/" + a.project())).then().statusCode(200).body(equalTo(""));
        a.req().get(a.url("/os-quota-sets/" + a.project())).then().body("quota_set.volumes", equalTo(10))
                .body("quota_set.backups", equalTo(10)).body("quota_set.per_volume_gigabytes", equalTo(-1));

        // the default quota class: every project's defaults, per-type keys too
        String type = "qc-" + java.util.UUID.randomUUID();
        admin.req().body("{\"volume_type\": {\"name\": \"" + type + "\"}}").post(admin.url("/types")).then().statusCode(200);
        a.req().get(a.url("/os-quota-class-sets/default")).then().statusCode(403);
        admin.req().get(admin.url("/os-quota-class-sets/default")).then().statusCode(200)
                .body("quota_class_set.id", equalTo("default")).body("quota_class_set.backups", equalTo(10))
                .body("quota_class_set.'volumes_" + type + "'", equalTo(-1));
        admin.req().body("{\"quota_class_set\": {\"backups\": 12, \"volumes_" + type + "\": 4}}")
                .put(admin.url("/os-quota-class-sets/default")).then().statusCode(200)
                .body("quota_class_set.backups", equalTo(12)).body("quota_class_set.'volumes_" + type + "'", equalTo(4))
                .body("quota_class_set", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("id")));
        try {
            Api fresh = Api.member();
            admin.req().get(admin.url("/os-quota-sets/" + fresh.project() + "/defaults")).then()
                    .body("quota_set.backups", equalTo(12)).body("quota_set.'volumes_" + type + "'", equalTo(4));
            fresh.req().get(fresh.url("/os-quota-sets/" + fresh.project())).then()
                    .body("quota_set.backups", equalTo(12)).body("quota_set.'volumes_" + type + "'", equalTo(4));
            admin.req().body("{\"quota_class_set\": {\"floppies\": 1}}").put(admin.url("/os-quota-class-sets/default"))
                    .then().statusCode(400);
        } finally {
            admin.req().body("{\"quota_class_set\": {\"backups\": 10}}").put(admin.url("/os-quota-class-sets/default"))
                    .then().statusCode(200);
        }
    }
}
