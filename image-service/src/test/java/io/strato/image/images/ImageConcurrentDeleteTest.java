package io.strato.image.images;

import static io.strato.image.images.ImageApiTest.as;
import static io.strato.image.images.ImageApiTest.create;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many deletes at once, as compute or a teardown script sends them. Hibernate Reactive's entity delete completed
 * such races on another request's thread (HR000069, quarkusio/quarkus#41945): 500s and transactions left open;
 * rows are deleted with statements instead (docs/architecture.md).
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageConcurrentDeleteTest {
    private static final int N = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String project = "p-" + UUID.randomUUID();
    private final String member = TestIdentity.token("u-" + project, project, "member", "reader");

    @Test
    void concurrentDeletesOfOneProjectsImagesAllSucceed() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            paths.add("/v2/images/" + create(member, "{\"name\":\"race-" + i + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}"));
        }
        deleteAllAtOnce(paths);
        for (String p : paths) {
            as(member).get(p).then().spec(fault(404));
        }
        for (String p : paths) {
            assertEquals(1, ImageDb.events("strato.image.image.deleted.v1", p.substring("/v2/images/".length())), p);
        }
    }

    @Test
    void concurrentRemovalsOfAnImagesMembersAllSucceed() {
        String image = create(member, "{\"name\":\"shared-race\",\"visibility\":\"shared\"}");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String other = "p-m" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            as(member).body("{\"member\": \"" + other + "\"}").post("/v2/images/" + image + "/members").then().statusCode(200);
            paths.add("/v2/images/" + image + "/members/" + other);
        }
        deleteAllAtOnce(paths);
        as(member).get("/v2/images/" + image + "/members").then().statusCode(200)
                .body("members", org.hamcrest.Matchers.hasSize(0));
    }

    private void deleteAllAtOnce(List<String> paths) {
        List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
        for (String p : paths) {
            deletes.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + p))
                            .timeout(Duration.ofSeconds(60)).header("X-Auth-Token", member).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < deletes.size(); i++) {
            HttpResponse<String> answer = deletes.get(i).join();
            if (answer.statusCode() != 204) {
                failed.add(paths.get(i) + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertEquals(List.of(), failed);
    }
}
