package io.strato.volume;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.TestIdentity;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Requests of one test caller: a member (or admin) of a fresh project. */
public record Api(String project, String token) {

    public static Api member() {
        String project = "p-" + UUID.randomUUID();
        return new Api(project, TestIdentity.token("u-" + project, project, "member", "reader"));
    }

    public static Api admin() {
        String project = "admin-" + UUID.randomUUID();
        return new Api(project, TestIdentity.token("a-" + project, project, "admin", "member", "reader"));
    }

    public RequestSpecification req() {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    public String url(String path) {
        return "/v3/" + project + path;
    }

    /** Creates a volume and returns its id (status creating). */
    public String createVolume(String json) {
        return req().body(json).post(url("/volumes")).then().statusCode(202).extract().path("volume.id");
    }

    /** Creates a 1 GiB volume and waits until it is available; returns its id. */
    public String availableVolume() {
        String id = createVolume("{\"volume\": {\"size\": 1}}");
        await(id, "available");
        return id;
    }

    public ValidatableResponse show(String volumeId) {
        return req().get(url("/volumes/" + volumeId)).then();
    }

    /** Waits until the volume reaches {@code status}; fails on an error status or after 60 s. */
    public void await(String volumeId, String status) {
        Awaitility.await("volume " + volumeId + " becoming " + status).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    String now = show(volumeId).statusCode(200).extract().path("volume.status");
                    if (now.startsWith("error") && !status.startsWith("error")) {
                        throw new AssertionError("volume " + volumeId + " went to " + now + ": "
                                + Db.text("select status_reason from volume where id = ?::uuid", volumeId));
                    }
                    return now;
                }, status::equals);
    }

    /** Waits until the snapshot reaches {@code status}, or is gone (404) when {@code status} is "gone". */
    public void awaitSnapshot(String snapshotId, String status) {
        Awaitility.await("snapshot " + snapshotId + " becoming " + status).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    var r = req().get(url("/snapshots/" + snapshotId));
                    return "gone".equals(status) ? r.statusCode() == 404
                            : r.statusCode() == 200 && status.equals(r.path("snapshot.status"));
                });
    }

    /** Waits until the volume is gone (404). */
    public void awaitGone(String volumeId) {
        Awaitility.await("volume " + volumeId + " gone").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> req().get(url("/volumes/" + volumeId)).statusCode() == 404);
    }
}
