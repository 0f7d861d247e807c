package io.strato.identity.concurrency;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.strato.kit.testing.StratoInfraResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many deletes of one kind at once, as a script tearing down a tenant sends them. Hibernate Reactive's entity
 * delete completed such races on another request's thread (HR000069, quarkusio/quarkus#41945): 500s and
 * transactions left open; rows are deleted with statements instead (docs/architecture.md).
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class ConcurrentDeleteTest {
    private static final int N = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void concurrentDeletesOfUsersAllSucceed() {
        String admin = adminToken();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            paths.add("/v3/users/" + create(admin, "/v3/users", "user", "{\"user\":{\"name\":\"" + unique("cdu") + "\"}}"));
        }
        deleteAllAtOnce(admin, paths);
        gone(admin, paths);
    }

    @Test
    void concurrentDeletesOfProjectsAllSucceed() {
        String admin = adminToken();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            paths.add("/v3/projects/" + create(admin, "/v3/projects", "project",
                    "{\"project\":{\"name\":\"" + unique("cdp") + "\"}}"));
        }
        deleteAllAtOnce(admin, paths);
        gone(admin, paths);
    }

    @Test
    void concurrentDeletesOfGroupsAndRolesAllSucceed() {
        String admin = adminToken();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N / 2; i++) {
            paths.add("/v3/groups/" + create(admin, "/v3/groups", "group", "{\"group\":{\"name\":\"" + unique("cdg") + "\"}}"));
            paths.add("/v3/roles/" + create(admin, "/v3/roles", "role", "{\"role\":{\"name\":\"" + unique("cdr") + "\"}}"));
        }
        deleteAllAtOnce(admin, paths);
        gone(admin, paths);
    }

    @Test
    void concurrentRemovalsOfGroupMembersGrantsAndImpliedRolesAllSucceed() {
        String admin = adminToken();
        String prior = create(admin, "/v3/roles", "role", "{\"role\":{\"name\":\"" + unique("cdi") + "\"}}");
        String group = create(admin, "/v3/groups", "group", "{\"group\":{\"name\":\"" + unique("cdm") + "\"}}");
        String project = create(admin, "/v3/projects", "project", "{\"project\":{\"name\":\"" + unique("cdm") + "\"}}");
        String role = given().header("X-Auth-Token", admin).queryParam("name", "reader").get("/v3/roles")
                .then().statusCode(200).extract().path("roles[0].id");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < N / 2; i++) {
            String user = create(admin, "/v3/users", "user", "{\"user\":{\"name\":\"" + unique("cdm") + "\"}}");
            given().header("X-Auth-Token", admin).put("/v3/groups/" + group + "/users/" + user).then().statusCode(204);
            paths.add("/v3/groups/" + group + "/users/" + user);
            String grant = "/v3/projects/" + project + "/users/" + user + "/roles/" + role;
            given().header("X-Auth-Token", admin).put(grant).then().statusCode(204);
            paths.add(grant);
            String implied = create(admin, "/v3/roles", "role", "{\"role\":{\"name\":\"" + unique("cdi") + "\"}}");
            String rule = "/v3/roles/" + prior + "/implies/" + implied;
            given().header("X-Auth-Token", admin).put(rule).then().statusCode(201);
            paths.add(rule);
        }
        deleteAllAtOnce(admin, paths);
        for (String p : paths) {
            given().header("X-Auth-Token", admin).head(p).then().statusCode(404);
        }
    }

    private static String create(String admin, String path, String kind, String body) {
        return given().header("X-Auth-Token", admin).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201).extract().path(kind + ".id");
    }

    private void deleteAllAtOnce(String admin, List<String> paths) {
        List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
        for (String p : paths) {
            deletes.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + p))
                            .timeout(Duration.ofSeconds(60)).header("X-Auth-Token", admin).DELETE().build(),
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

    private static void gone(String admin, List<String> paths) {
        for (String p : paths) {
            given().header("X-Auth-Token", admin).get(p).then().spec(fault(404));
        }
    }
}
