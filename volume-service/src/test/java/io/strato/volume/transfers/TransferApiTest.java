package io.strato.volume.transfers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Cinder's volume transfers (os-volume-transfer), as Tempest's VolumesTransfersTest and the quota test use them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class TransferApiTest {

    private static String transfer(Api a, String volume) {
        return a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": \" move \"}}")
                .post(a.url("/os-volume-transfer")).then().statusCode(202).extract().path("transfer.id");
    }

    private static Map<String, Object> quota(Api admin, String project) {
        return admin.req().get(admin.url("/os-quota-sets/" + project + "?usage=true")).then().statusCode(200)
                .extract().path("quota_set");
    }

    @SuppressWarnings("unchecked")
    private static int inUse(Map<String, Object> quota, String resource) {
        return ((Number) ((Map<String, Object>) quota.get(resource)).get("in_use")).intValue();
    }

    /** Tempest's test_create_get_list_accept_volume_transfer and test_quota_usage_after_volume_transfer. */
    @Test
    void anotherProjectAcceptsWithTheKeyAndTakesTheVolumeItsSnapshotsAndTheirQuota() throws Exception {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        String volume = a.availableVolume();
        String snapshot = a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/snapshots"))
                .then().statusCode(202).extract().path("snapshot.id");
        a.awaitSnapshot(snapshot, "available");

        var created = a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": \" move \"}}")
                .post(a.url("/os-volume-transfer")).then().statusCode(202)
                .body("transfer.keySet()", equalTo(java.util.Set.of("id", "created_at", "name", "volume_id", "auth_key", "links")))
                .body("transfer.name", equalTo("move")).body("transfer.volume_id", equalTo(volume))
                .body("transfer.auth_key.length()", equalTo(16))
                .body("transfer.links[0].href", containsString("/v3/" + a.project() + "/os-volume-transfer/"))
                .extract();
        String id = created.path("transfer.id");
        String key = created.path("transfer.auth_key");
        a.show(volume).body("volume.status", equalTo("awaiting-transfer"));
        assertEquals(null, Db.text("select volume_id from volume_transfer where crypt_hash = ?", key), "the key is not kept");

        a.req().get(a.url("/os-volume-transfer/" + id)).then().statusCode(200)
                .body("transfer.keySet()", equalTo(java.util.Set.of("id", "created_at", "name", "volume_id", "links")));
        a.req().get(a.url("/os-volume-transfer")).then().statusCode(200).body("transfers.id", hasItem(id))
                .body("transfers[0].keySet()", equalTo(java.util.Set.of("id", "name", "volume_id", "links")));
        a.req().get(a.url("/os-volume-transfer/detail")).then().statusCode(200).body("transfers.volume_id", hasItem(volume))
                .body("transfers[0]", hasKey("created_at"));
        // the receiver cannot see it, or the volume, before accepting; the volume cannot be deleted or attached meanwhile
        b.req().get(b.url("/os-volume-transfer/" + id)).then().statusCode(404).body("itemNotFound.message", containsString(id));
        b.req().get(b.url("/os-volume-transfer")).then().statusCode(200).body("transfers.id", not(hasItem(id)));
        a.req().delete(a.url("/volumes/" + volume)).then().statusCode(400);
        a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/snapshots")).then().statusCode(400);

        Map<String, Object> aBefore = quota(admin, a.project());
        Map<String, Object> bBefore = quota(admin, b.project());
        b.req().body("{\"accept\": {\"auth_key\": \"0000000000000000\"}}").post(b.url("/os-volume-transfer/" + id + "/accept"))
                .then().statusCode(400).body("badRequest.message", containsString("invalid auth key"));
        b.req().body("{\"accept\": {\"auth_key\": \"" + key + "\"}}").post(b.url("/os-volume-transfer/" + id + "/accept"))
                .then().statusCode(202)
                .body("transfer.keySet()", equalTo(java.util.Set.of("id", "name", "volume_id", "links")))
                .body("transfer.id", equalTo(id)).body("transfer.volume_id", equalTo(volume));

        b.show(volume).body("volume.status", equalTo("available"))
                .body("volume.user_id", equalTo("u-" + b.project()))
                .body("volume.'os-vol-tenant-attr:tenant_id'", equalTo(b.project()));
        a.show(volume).statusCode(404);
        b.req().get(b.url("/snapshots/" + snapshot)).then().statusCode(200)
                .body("snapshot.'os-extended-snapshot-attributes:project_id'", equalTo(b.project()));
        a.req().get(a.url("/os-volume-transfer/" + id)).then().statusCode(404);
        Map<String, Object> aAfter = quota(admin, a.project());
        Map<String, Object> bAfter = quota(admin, b.project());
        assertEquals(1, inUse(aBefore, "volumes") - inUse(aAfter, "volumes"));
        assertEquals(1, inUse(bAfter, "volumes") - inUse(bBefore, "volumes"));
        assertEquals(inUse(bBefore, "gigabytes") + 2, inUse(bAfter, "gigabytes"), "the volume's and its snapshot's GiB");
        assertEquals(1, inUse(bAfter, "snapshots") - inUse(bBefore, "snapshots"));
        assertEquals(0, inUse(aAfter, "gigabytes"));
        assertEquals(1, Db.events("strato.volume.transfer.accepted.v1", id));
    }

    /** Tempest's test_create_list_delete_volume_transfer: a deleted transfer gives the volume back. */
    @Test
    void aDeletedTransferMakesTheVolumeAvailableAgain() {
        Api a = Api.member();
        Api b = Api.member();
        String volume = a.availableVolume();
        String id = transfer(a, volume);
        b.req().delete(b.url("/os-volume-transfer/" + id)).then().statusCode(404);
        a.req().delete(a.url("/os-volume-transfer/" + id)).then().statusCode(202);
        a.show(volume).body("volume.status", equalTo("available"));
        a.req().get(a.url("/os-volume-transfer/" + id)).then().statusCode(404);
        a.req().delete(a.url("/os-volume-transfer/" + id)).then().statusCode(404);
        b.req().body("{\"accept\": {\"auth_key\": \"x\"}}").post(b.url("/os-volume-transfer/" + id + "/accept"))
                .then().statusCode(404);
    }

    @Test
    void badRequestsAreCindersFaults() {
        Api a = Api.member();
        Api b = Api.member();
        String volume = a.availableVolume();
        String url = a.url("/os-volume-transfer");
        a.req().body("{}").post(url).then().statusCode(400).body("badRequest.message", notNullValue());
        a.req().body("{\"transfer\": {}}").post(url).then().statusCode(400).body("badRequest.message", containsString("volume_id"));
        a.req().body("{\"transfer\": {\"volume_id\": \"nope\"}}").post(url).then().statusCode(400);
        a.req().body("{\"transfer\": {\"volume_id\": 7}}").post(url).then().statusCode(400);
        a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": \"   \"}}").post(url).then().statusCode(400);
        a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": 5}}").post(url).then().statusCode(400);
        a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\", \"name\": \"" + "n".repeat(256) + "\"}}").post(url)
                .then().statusCode(400);
        // another project's volume is unknown
        b.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post(b.url("/os-volume-transfer"))
                .then().statusCode(404).body("itemNotFound.message", containsString(volume));
        String id = transfer(a, volume);
        // one open transfer per volume: the volume is no longer available
        a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post(url).then().statusCode(400)
                .body("badRequest.message", containsString("must be available"));
        b.req().body("{\"accept\": {}}").post(b.url("/os-volume-transfer/" + id + "/accept")).then().statusCode(400);
        b.req().body("{\"accept\": {\"auth_key\": [1]}}").post(b.url("/os-volume-transfer/" + id + "/accept")).then().statusCode(400);
        b.req().get(b.url("/os-volume-transfer/not-a-uuid")).then().statusCode(404);
        a.req().get(url + "?limit=x").then().statusCode(400);
        a.req().get(url + "?volume_id=" + volume).then().statusCode(200).body("transfers.id", equalTo(List.of(id)));
        a.req().get(url + "?name=nothing").then().statusCode(200).body("transfers", equalTo(List.of()));
        a.req().get(url + "?colour=blue").then().statusCode(200).body("transfers", equalTo(List.of()));
        a.req().get(url + "?limit=0").then().statusCode(200).body("transfers", equalTo(List.of()));
    }

    /** Cinder's accept reserves the volume in the receiving project: over its quota, a 413 and nothing moves. */
    @Test
    void theReceivingProjectsQuotaIsChecked() {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        admin.req().body("{\"quota_set\": {\"volumes\": 0}}").put(admin.url("/os-quota-sets/" + b.project())).then().statusCode(200);
        String volume = a.availableVolume();
        var created = a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/os-volume-transfer"))
                .then().statusCode(202).extract();
        String id = created.path("transfer.id");
        b.req().body("{\"accept\": {\"auth_key\": \"" + created.path("transfer.auth_key") + "\"}}")
                .post(b.url("/os-volume-transfer/" + id + "/accept"))
                .then().statusCode(413).body("overLimit.message", containsString("VolumeLimitExceeded"));
        a.show(volume).body("volume.status", equalTo("awaiting-transfer"));
        a.req().get(a.url("/os-volume-transfer/" + id)).then().statusCode(200);
    }

    /** Two projects accept one transfer at once: exactly one takes the volume, the other is told there is no transfer. */
    @Test
    void ofRacingAcceptsExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            Api a = Api.member();
            String volume = a.availableVolume();
            var created = a.req().body("{\"transfer\": {\"volume_id\": \"" + volume + "\"}}").post(a.url("/os-volume-transfer"))
                    .then().statusCode(202).extract();
            String id = created.path("transfer.id");
            String key = created.path("transfer.auth_key");
            int racers = 6;
            List<Api> takers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                takers.add(Api.member());
            }
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (Api t : takers) {
                    calls.add(() -> t.req().body("{\"accept\": {\"auth_key\": \"" + key + "\"}}")
                            .post(t.url("/os-volume-transfer/" + id + "/accept")).statusCode());
                }
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            statuses.sort(null);
            List<Integer> expected = new ArrayList<>(List.of(202));
            for (int i = 1; i < racers; i++) {
                expected.add(404);
            }
            assertEquals(expected, statuses);
            String owner = Db.text("select project_id from volume where id = ?::uuid", volume);
            assertEquals(1, takers.stream().filter(t -> t.project().equals(owner)).count());
            assertEquals("available", Db.text("select status from volume where id = ?::uuid", volume));
        }
    }
}
