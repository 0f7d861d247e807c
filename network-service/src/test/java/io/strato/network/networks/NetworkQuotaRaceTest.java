package io.strato.network.networks;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The network quota holds when twice the allowed creates race: exactly the limit succeed, the rest are OverQuota. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class NetworkQuotaRaceTest {

    @Test
    void twiceTheQuotaRacingGivesExactlyTheQuota() {
        int quota = 6;
        String project = newProject();
        String token = member(project);
        Fixtures.quota(admin(), project, "network", quota);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * quota; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v2.0/networks"))
                    .timeout(Duration.ofMinutes(2)).header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"network\": {\"name\": \"race-" + i + "\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int created = 0;
        int refused = 0;
        for (HttpResponse<String> a : calls.stream().map(CompletableFuture::join).toList()) {
            if (a.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, a.statusCode(), a.body());
                refused++;
            }
        }
        assertEquals(quota, created);
        assertEquals(quota, refused);
        as(token).get("/v2.0/networks?project_id=" + project).then().statusCode(200).body("networks", hasSize(quota));
    }
}
