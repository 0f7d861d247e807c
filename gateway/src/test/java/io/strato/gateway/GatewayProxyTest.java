package io.strato.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class GatewayProxyTest {

    /** The gateway's management interface in tests (application.properties). */
    static final int MANAGEMENT = 18802;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final List<String> accessLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        Logger.getLogger("io.strato.gateway.access").addHandler(capture);
    }

    @AfterEach
    void releaseAccessLog() {
        Logger.getLogger("io.strato.gateway.access").removeHandler(capture);
    }

    @Test
    void routesByPrefixAndStripsIt() {
        given().get("/identity/v3/projects?name=demo&limit=2").then().statusCode(200)
                .body("server", equalTo("a")).body("uri", equalTo("/v3/projects?name=demo&limit=2"));
        given().get("/compute/v2.1/servers/detail").then().statusCode(200)
                .body("server", equalTo("b")).body("uri", equalTo("/v2.1/servers/detail"));
        given().get("/identity").then().statusCode(200).body("server", equalTo("a")).body("uri", equalTo("/"));
        given().get("/based/x/y").then().statusCode(200).body("server", equalTo("b")).body("uri", equalTo("/base/x/y"));
    }

    @Test
    void unknownPathIsJson404() {
        given().get("/identityx/v3").then().statusCode(404).contentType("application/json")
                .body("error.code", equalTo(404)).body("error.title", equalTo("Not Found"))
                .header("x-openstack-request-id", matchesPattern("req-" + UUID));
        given().get("/nowhere").then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    void preservesOpenStackHeadersBothWays() {
        given().header("X-Auth-Token", "gAAAA-token").header("OpenStack-API-Version", "compute 2.95")
                .header("X-OpenStack-Nova-API-Version", "2.95").contentType("application/json")
                .header("Host", "cloud.example.org:8080").body("{\"server\":{\"name\":\"vm1\"}}")
                .post("/compute/v2.1/servers")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"server\":{\"name\":\"vm1\"}}"))
                .body("headers.x-auth-token", equalTo("gAAAA-token"))
                .body("headers.openstack-api-version", equalTo("compute 2.95"))
                .body("headers.x-openstack-nova-api-version", equalTo("2.95"))
                .body("headers.content-type", equalTo("application/json"))
                .body("headers.content-length", equalTo("25"))
                .body("headers.x-forwarded-host", equalTo("cloud.example.org:8080"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-prefix", equalTo("/compute"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .header("x-subject-token", "subject-token-from-b")
                .header("location", "http://127.0.0.1/v3/things/1")
                .header("openstack-api-version", "identity 3.14")
                .header("x-openstack-nova-api-version", "2.95")
                .header("content-type", "application/json")
                // hop-by-hop headers of the upstream connection stay there
                .header("x-hop", nullValue());
    }

    @Test
    void generatesRequestIdAndSendsItUpstream() {
        Response response = given().get("/identity/v3/auth/tokens");
        String id = response.header("x-openstack-request-id");
        assertTrue(id.matches("req-" + UUID), id);
        assertEquals(id, response.jsonPath().getString("headers.x-openstack-request-id"));
    }

    @Test
    void passesClientRequestIdThrough() {
        String id = "req-3c7a8d52-2f4d-4a83-9e55-0d9d1f1b2c3d";
        given().header("X-OpenStack-Request-ID", id).get("/identity/v3/users").then().statusCode(200)
                .header("x-openstack-request-id", id)
                .body("headers.x-openstack-request-id", equalTo(id));
    }

    @Test
    void replacesRequestIdThatIsNotReqUuidAndSendsTheNewOneUpstream() {
        // OpenStack's rule: a client id other than req-<uuid> is replaced, and the upstream service sees the new one
        Response response = given().header("X-OpenStack-Request-ID", "trace-1").get("/identity/v3/users");
        String id = response.header("x-openstack-request-id");
        assertTrue(id.matches("req-" + UUID), id);
        assertEquals(id, response.jsonPath().getString("headers.x-openstack-request-id"));
    }

    @Test
    void replacesRequestIdThatIsUnsafeToLog() {
        given().header("X-OpenStack-Request-ID", "evil id\twith tab").get("/identity/v3/users").then()
                .statusCode(200).header("x-openstack-request-id", matchesPattern("req-" + UUID));
    }

    @Test
    void keepsRequestIdSetByUpstream() {
        Response response = given().get("/identity/with-request-id");
        response.then().statusCode(200).header("x-openstack-request-id", "req-set-by-upstream");
        // the upstream's header replaces the gateway's own: one value, not two
        assertEquals(List.of("req-set-by-upstream"), response.headers().getValues("x-openstack-request-id"));
    }

    @Test
    void aServicesManagementPathsAreNotForwarded() {
        for (String path : List.of("/compute/q/metrics", "/compute/q", "/compute//q/openapi", "/compute/%71/health",
                "/compute/%2Fq/metrics")) {
            Response response = given().urlEncodingEnabled(false).get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals(Integer.valueOf(404), response.jsonPath().get("itemNotFound.code"), path + ": " + response.asString());
        }
        given().get("/identity/q/health").then().statusCode(404).body("error.code", equalTo(404));
        // a path that merely starts with q is the API's
        given().get("/compute/quotas").then().statusCode(200).body("server", equalTo("b"));
    }

    @Test
    void faultsTheGatewayWritesAreInTheFormatOfTheApiBehindTheRoute() {
        given().get("/networking/v2.0/networks").then().statusCode(503).contentType("application/json")
                .body("NeutronError.type", equalTo("ServiceUnavailable"))
                .body("NeutronError.message", equalTo("networking is not reachable"))
                .body("NeutronError.detail", equalTo(""));
        given().get("/volume/v3/p/volumes").then().statusCode(503)
                .body("serviceUnavailable.code", equalTo(503))
                .body("serviceUnavailable.message", equalTo("volume is not reachable"));
        given().get("/image/v2/images").then().statusCode(503)
                .body("error.code", equalTo(503)).body("error.title", equalTo("Service Unavailable"));
    }

    @Test
    void writesOneAccessLogLinePerRequest() {
        String id = "req-0a1b2c3d-0000-4000-8000-00000000ac10";
        given().header("X-OpenStack-Request-ID", id).get("/identity/v3/domains?x=1").then().statusCode(200);
        String expected = "GET /identity/v3/domains 200 ";
        List<String> lines = await("the access log line of " + id).atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> accessLines.stream().filter(l -> l.contains(id)).toList(), not(empty()));
        assertEquals(1, lines.size(), accessLines.toString());
        String line = lines.get(0);
        assertTrue(line.startsWith(expected) && line.matches(".* \\d+ms route=identity request_id=" + id), line);
    }

    @Test
    void unreachableUpstreamIsFastJson503() {
        // the test connect timeout is 10 s: a refused connection must not wait for it
        given().get("/down/warm-up").then().statusCode(503);
        long start = System.nanoTime();
        Response response = given().get("/down/v1/things");
        long ms = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(503).contentType("application/json")
                .body("error.code", equalTo(503))
                .body("error.title", equalTo("Service Unavailable"))
                .body("error.message", equalTo("down is not reachable"))
                .header("x-openstack-request-id", matchesPattern("req-" + UUID));
        assertTrue(ms < 2000, "503 took " + ms + " ms");
    }

    @Test
    void silentUpstreamTimesOutWithJson504() {
        given().get("/").then().statusCode(200);
        long start = System.nanoTime();
        Response response = given().get("/slow/hang");
        long ms = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(504).contentType("application/json")
                .body("error.code", equalTo(504)).body("error.title", equalTo("Gateway Timeout"))
                .body("error.message", equalTo("slow did not answer within 500 ms"));
        assertTrue(ms >= 450 && ms < 5000, "504 after " + ms + " ms, route timeout is 500 ms");
    }

    @Test
    void rootListsRoutes() {
        given().get("/").then().statusCode(200).contentType("application/json")
                .body("routes.name", containsInAnyOrder("based", "compute", "down", "identity", "image",
                        "networking", "slow", "volume"))
                .body("routes.find { it.name == 'networking' }.path", equalTo("/networking"))
                // where the services run is not told
                .body("routes.find { it.name == 'networking' }", not(hasKey("upstream")));
    }

    @Test
    void thePublicPortAnswersTheProbesWithTheStatusOnly() {
        for (String probe : List.of("/q/health/live", "/q/health/ready")) {
            assertEquals("{\"status\":\"UP\"}", given().get(probe).then().statusCode(200).extract().asString(), probe);
        }
        // nothing else of the gateway's own /q is public: health detail and metrics are on its management interface
        for (String path : List.of("/q/health", "/q/metrics", "/q/openapi", "/q/dev-ui", "/q")) {
            given().get(path).then().statusCode(404).body("error.code", equalTo(404));
        }
        given().port(MANAGEMENT).get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks", notNullValue());
        given().port(MANAGEMENT).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void metricsCountRequestsByRouteNeverByPath() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = java.util.UUID.randomUUID().toString();
            ids.add(id);
            given().get("/compute/v2.1/servers/" + id).then().statusCode(200);   // forwarded
            given().get("/identity/v3/projects/" + id).then().statusCode(200);   // forwarded
            given().get("/made-up/" + id).then().statusCode(404);                // no route
            given().get("/compute/q/" + id).then().statusCode(404);              // a service's /q, not forwarded
        }
        String metrics = given().port(MANAGEMENT).get("/q/metrics").then().statusCode(200).extract().asString();
        for (String id : ids) {
            assertFalse(metrics.contains(id), "a request's id is in /q/metrics: " + id);
        }
        java.util.Set<String> uris = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"", java.util.regex.Pattern.MULTILINE)
                .matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.containsAll(List.of("/compute", "/identity", "NOT_FOUND")), uris.toString());
        // the routes of the test configuration, the root, and the bounded names: nothing grows with the requests
        assertTrue(uris.size() <= 12, uris.toString());
    }
}
