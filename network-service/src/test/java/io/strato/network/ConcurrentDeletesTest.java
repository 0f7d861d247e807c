package io.strato.network;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
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
 * Many deletes of one kind at once, as a tenant tearing down a stack (or identity's project purge) does:
 * every one answers 204 and the resources are gone. Hibernate Reactive's entity delete failed such races
 * on another request's thread (HR000069), so every service deletes rows with statements.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ConcurrentDeletesTest {
    private static final int N = 24;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final String project = newProject();
    private final String me = member(project);

    @Test
    void securityGroupsAndRules() {
        for (String resource : List.of("security_group", "security_group_rule")) {
            Fixtures.quota(admin(), project, resource, 500);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            groups.add(as(me).body("{\"security_group\": {\"name\": \"g" + i + "\"}}").post("/v2.0/security-groups")
                    .then().statusCode(201).extract().path("security_group.id"));
        }
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rules.add(as(me).body("{\"security_group_rule\": {\"security_group_id\": \"" + groups.get(0)
                            + "\", \"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": " + (1000 + i)
                            + ", \"port_range_max\": " + (1000 + i) + "}}").post("/v2.0/security-group-rules")
                    .then().statusCode(201).extract().path("security_group_rule.id"));
        }
        deleteAll("/v2.0/security-group-rules/", rules);
        deleteAll("/v2.0/security-groups/", groups.subList(1, N));
        for (String id : groups.subList(1, N)) {
            as(me).get("/v2.0/security-groups/{id}", id).then().statusCode(404);
        }
        as(me).get("/v2.0/security-groups/{id}", groups.get(0)).then().statusCode(200);
    }

    @Test
    void networksWithTheirSubnetsAndBareSubnets() {
        for (String resource : List.of("network", "subnet")) {
            Fixtures.quota(admin(), project, resource, 500);
        }
        List<String> networks = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String net = Fixtures.network(me);
            networks.add(net);
            subnets.add(Fixtures.subnet(me, net, "10.103." + i + ".0/24"));
        }
        // first half: subnets on their own; then every network (the second half still holding a subnet)
        deleteAll("/v2.0/subnets/", subnets.subList(0, N / 2));
        deleteAll("/v2.0/networks/", networks);
        for (String id : networks) {
            as(me).get("/v2.0/networks/{id}", id).then().statusCode(404);
        }
        for (String id : subnets) {
            as(me).get("/v2.0/subnets/{id}", id).then().statusCode(404);
        }
    }

    /** DELETEs every id at once; each must answer 204. */
    private void deleteAll(String path, List<String> ids) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path + id))
                    .timeout(Duration.ofSeconds(60)).header("X-Auth-Token", me).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> answer = c.join();
            assertEquals(204, answer.statusCode(), path + ": " + answer.body());
        }
    }
}
