package io.strato.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: operators' endpoints are on the management interface only; the API port answers Kubernetes' probes
 * with a status and nothing more of /q.
 */
@QuarkusTest
class ManagementInterfaceTest {
    static final int MANAGEMENT = 18801;

    @Test
    void theApiPortAnswersTheProbesWithTheStatusOnly() {
        for (String probe : List.of(Probes.LIVE, Probes.READY)) {
            String body = given().get(probe).then().statusCode(200).contentType("application/json")
                    .header("x-openstack-request-id", matchesPattern("req-[0-9a-f-]{36}"))
                    .extract().asString();
            assertEquals("{\"status\":\"UP\"}", body, probe);
        }
    }

    @Test
    void nothingElseOfQIsOnTheApiPort() {
        for (String path : List.of("/q/health", "/q/health/started", "/q/health/group", "/q/metrics", "/q/openapi",
                "/q/openapi?format=json", "/q/dev-ui", "/q/dev", "/q/info", "/q")) {
            given().get(path).then().statusCode(404)
                    .body(not(containsString("jvm")))
                    .body("itemNotFound.code", equalTo(404));
        }
    }

    @Test
    void theManagementInterfaceServesHealthDetailMetricsAndOpenApi() {
        given().port(MANAGEMENT).get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks", org.hamcrest.Matchers.notNullValue());
        given().port(MANAGEMENT).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().port(MANAGEMENT).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/widgets/{id}"));
    }

    @Test
    void theManagementInterfaceListensOnTheLoopbackOnly() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.management.host", String.class));
    }
}
