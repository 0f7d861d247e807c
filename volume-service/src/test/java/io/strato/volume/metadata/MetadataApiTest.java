package io.strato.volume.metadata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cinder's metadata subresource, the same for volumes and snapshots: shapes, validation, events, races. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class MetadataApiTest {

    /** A volume or a snapshot of the caller's project, available; {@code kind} is the URL's collection. */
    static String create(Api a, String kind) {
        String volume = a.createVolume("{\"volume\": {\"size\": 1, \"metadata\": {\"tier\": \"gold\"}}}");
        a.await(volume, "available");
        if (kind.equals("volumes")) {
            return volume;
        }
        String id = a.req().body("{\"snapshot\": {\"volume_id\": \"" + volume + "\", \"metadata\": {\"tier\": \"gold\"}}}")
                .post(a.url("/snapshots")).then().statusCode(202).extract().path("snapshot.id");
        a.awaitSnapshot(id, "available");
        return id;
    }

    static String event(String kind) {
        return kind.equals("volumes") ? "strato.volume.volume.updated.v1" : "strato.volume.snapshot.updated.v1";
    }

    static String resource(String kind) {
        return kind.equals("volumes") ? "volume" : "snapshot";
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "snapshots"})
    void metadataIsMergedReplacedSetAndDeletedByKey(String kind) throws Exception {
        Api a = Api.member();
        String id = create(a, kind);
        String md = a.url("/" + kind + "/" + id + "/metadata");
        int events = Db.events(event(kind), id);

        a.req().get(md).then().statusCode(200).body("metadata", equalTo(Map.of("tier", "gold")));
        a.req().body("{\"metadata\": {\"app\": \"db\"}}").post(md).then().statusCode(200)
                .body("metadata", equalTo(Map.of("tier", "gold", "app", "db")));
        a.req().body("{\"metadata\": {\"app\": \"web\", \"zone\": \"a\"}}").put(md).then().statusCode(200)
                .body("metadata", equalTo(Map.of("app", "web", "zone", "a")));
        a.req().get(md + "/app").then().statusCode(200).body("meta", equalTo(Map.of("app", "web")));
        a.req().body("{\"meta\": {\"owner\": \"ops\"}}").put(md + "/owner").then().statusCode(200)
                .body("meta", equalTo(Map.of("owner", "ops")));
        a.req().delete(md + "/zone").then().statusCode(200).body(emptyOrNullString());
        a.req().get(md).then().statusCode(200).body("metadata", equalTo(Map.of("app", "web", "owner", "ops")));
        a.req().get(a.url("/" + kind + "/" + id)).then().statusCode(200)
                .body(resource(kind) + ".metadata", equalTo(Map.of("app", "web", "owner", "ops")));

        a.req().get(md + "/zone").then().statusCode(404).body("itemNotFound.code", equalTo(404))
                .body("itemNotFound.message", equalTo(resource(kind).substring(0, 1).toUpperCase()
                        + resource(kind).substring(1) + " " + id + " has no metadata with key zone."));
        a.req().delete(md + "/zone").then().statusCode(404).body("itemNotFound.code", equalTo(404));
        // each of the four changes tells the cloud, with the metadata after it
        assertEquals(events + 4, Db.events(event(kind), id));
        assertEquals("ops", Db.text("select payload->'metadata'->>'owner' from strato_outbox where subject = ? and type = ?"
                + " order by created_at desc limit 1", id, event(kind)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "snapshots"})
    void badMetadataIsRefusedWith400AndChangesNothing(String kind) {
        Api a = Api.member();
        String id = create(a, kind);
        String md = a.url("/" + kind + "/" + id + "/metadata");
        String longest = "k".repeat(255);
        List<String> bad = List.of("{}", "{\"metadata\": null}", "{\"metadata\": \"x\"}", "{\"metadata\": [\"a\"]}",
                "{\"metadata\": {\"k\": 1}}", "{\"metadata\": {\"k\": null}}", "{\"metadata\": {\"k\": {\"a\": \"b\"}}}",
                "{\"metadata\": {\"\": \"v\"}}", "{\"metadata\": {\"" + longest + "k\": \"v\"}}",
                "{\"metadata\": {\"k\": \"" + longest + "v\"}}", "[]", "not json");
        for (String body : bad) {
            a.req().body(body).post(md).then().statusCode(400).body("badRequest.code", equalTo(400))
                    .body("badRequest.message", not(emptyOrNullString()));
            a.req().body(body).put(md).then().statusCode(400).body("badRequest.code", equalTo(400));
        }
        // one key, the URL's, as a string
        for (String body : List.of("{\"meta\": {\"other\": \"v\"}}", "{\"meta\": {\"k\": \"v\", \"j\": \"w\"}}",
                "{\"meta\": {\"k\": 1}}", "{\"meta\": \"k\"}", "{\"metadata\": {\"k\": \"v\"}}", "{}")) {
            a.req().body(body).put(md + "/k").then().statusCode(400).body("badRequest.code", equalTo(400));
        }
        a.req().body("{\"meta\": {\"" + longest + "k\": \"v\"}}").put(md + "/" + longest + "k").then().statusCode(400);
        a.req().get(md).then().statusCode(200).body("metadata", equalTo(Map.of("tier", "gold")));

        // the limits themselves are allowed
        a.req().body("{\"metadata\": {\"" + longest + "\": \"" + "v".repeat(255) + "\", \"e\": \"\"}}").post(md)
                .then().statusCode(200).body("metadata", aMapWithSize(3));
        a.req().body("{\"meta\": {\"" + longest + "\": \"w\"}}").put(md + "/" + longest).then().statusCode(200)
                .body("meta." + longest, equalTo("w"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "snapshots"})
    void metadataNeedsATokenAndTheOwnProject(String kind) {
        Api a = Api.member();
        String id = create(a, kind);
        given().get(a.url("/" + kind + "/" + id + "/metadata")).then().statusCode(401).body("unauthorized.code", equalTo(401));
        given().body("{\"metadata\": {\"a\": \"b\"}}").post(a.url("/" + kind + "/" + id + "/metadata")).then().statusCode(401);
        Api other = Api.member();
        other.req().get(other.url("/" + kind + "/" + id + "/metadata")).then().statusCode(404);
        other.req().body("{\"metadata\": {\"a\": \"b\"}}").post(other.url("/" + kind + "/" + id + "/metadata"))
                .then().statusCode(404);
        other.req().delete(other.url("/" + kind + "/" + id + "/metadata/tier")).then().statusCode(404);
        a.req().get(a.url("/" + kind + "/" + id + "/metadata")).then().statusCode(200).body("metadata", equalTo(Map.of("tier", "gold")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "snapshots"})
    void concurrentAddsKeepEveryKey(String kind) throws Exception {
        Api a = Api.member();
        String id = create(a, kind);
        String md = a.url("/" + kind + "/" + id + "/metadata");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = "{\"metadata\": {\"k" + i + "\": \"v" + i + "\"}}";
                done.add(pool.submit(() -> a.req().body(body).post(md).statusCode()));
            }
            for (Future<Integer> f : done) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> after = a.req().get(md).then().statusCode(200).extract().path("metadata");
        assertEquals(racers + 1, after.size(), "a merge lost another's key: " + after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "snapshots"})
    void deletingAKeyIsAChange(String kind) throws Exception {
        Api a = Api.member();
        String id = create(a, kind);
        String before = a.req().get(a.url("/" + kind + "/" + id)).path(resource(kind) + ".updated_at");
        Thread.sleep(20);
        a.req().delete(a.url("/" + kind + "/" + id + "/metadata/tier")).then().statusCode(200);
        String after = a.req().get(a.url("/" + kind + "/" + id)).path(resource(kind) + ".updated_at");
        assertTrue(Instant.parse(after).isAfter(Instant.parse(before)), before + " then " + after);
    }
}
